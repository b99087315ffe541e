import { AppError } from "../../errors";
import { sizeInWords, type UploadLimits } from "./limits";

// Every way an archive is refused, in words that say what was wrong with it and what to do.

const REMAKE = "Make the archive again from inside the project folder.";

/** An entry's name as shown in a message: quoted, cut when very long. */
export const shownName = (name: string) => JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);

const refuse = (message: string, field = "file") => new AppError("invalid_input", message, { fields: { [field]: message } });

export const refusals = {
  outside: (name: string) => refuse(`The archive has an entry ${shownName(name)} that points outside the project. ${REMAKE}`),
  absolute: (name: string) => refuse(`The archive has an entry with an absolute path, ${shownName(name)}. ${REMAKE}, so that its paths are relative.`),
  badName: (name: string, why: string) => refuse(`The archive has an entry ${shownName(name)} whose name ${why}. Rename it and make the archive again.`),
  linkOutside: (name: string, target: string) =>
    refuse(`The archive has a symbolic link ${shownName(name)} to ${shownName(target)}, outside the project. Remove the link or make it point to a file inside the project, then make the archive again.`),
  linkInGit: (name: string) => refuse(`The archive's .git folder holds a symbolic link, ${shownName(name)}. Make the archive again from a plain clone of the repository.`),
  hardLink: (name: string, target: string) =>
    refuse(
      `The archive has a hard link ${shownName(name)} (to ${shownName(target)}); Benchtop takes no hard links. Make the archive again without them: as a zip, or with "tar --hard-dereference", which stores each link as a file.`,
    ),
  device: (name: string, kind: string) =>
    refuse(`The archive has a ${kind}, ${shownName(name)}; a project holds only files, folders and symbolic links. Make the archive again without it.`),
  unknownKind: (name: string, kind: string) => refuse(`The archive has an entry ${shownName(name)} of a kind Benchtop does not take (${kind}). Make the archive again with only files and folders.`),
  twice: (name: string) => refuse(`The archive has the entry ${shownName(name)} twice (or as a file and as a folder). Make the archive again from the project folder.`),
  tooManyEntries: (limits: UploadLimits) =>
    new AppError("too_large", `The archive has more than ${limits.maxEntries.toLocaleString("en-US")} files and folders. Upload a smaller project, or push it with git.`, {
      fields: { file: "Too many files." },
    }),
  tooBig: (limits: UploadLimits) =>
    new AppError("too_large", `The archive expands to more than ${sizeInWords(limits.maxExpandedBytes)}. Upload a smaller project, or push it with git.`, {
      fields: { file: "Expands too far." },
    }),
  bomb: (limits: UploadLimits) =>
    refuse(
      `The archive expands to more than ${limits.maxRatio} times its own size, as a "zip bomb" does, and was refused. If your files really are that repetitive, push them with git instead.`,
    ),
  notArchive: (fileName: string) => refuse(`${shownName(fileName)} is not a zip or tar.gz archive (its first bytes are neither). Upload a .zip, .tar.gz or .tgz file.`),
  notTar: (fileName: string) => refuse(`${shownName(fileName)} is compressed with gzip but holds no tar archive. Upload a .zip, .tar.gz or .tgz file.`),
  damaged: (fileName: string) =>
    refuse(`${shownName(fileName)} is damaged or incomplete: it ends too early or cannot be read to the end (a cut-off download or copy). Make the archive again and upload it again.`),
  encrypted: (name: string) => refuse(`The archive's entry ${shownName(name)} is protected by a password. Make the archive again without a password.`),
  unknownCompression: (name: string) =>
    refuse(`The archive's entry ${shownName(name)} is compressed with a method Benchtop cannot read. Make the archive again with the usual zip compression (deflate).`),
  empty: () => refuse("The archive holds no files. Check that you chose the right file."),
  uncheckable: (name: string, problem: string) => refuse(`The archive has a path git could not check out, ${shownName(name)}: ${problem}. Rename it and make the archive again.`),
};
