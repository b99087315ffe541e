import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../../errors";
import { sizeInWords } from "./limits";

/** Room for the form's other fields and part headers beside the file. */
const FORM_OVERHEAD = 1024 * 1024;
const FIELD_BYTES = 10_000;

export type ReceivedUpload = { fields: Record<string, string>; fileName: string; bytes: number };

const invalid = (message: string, field = "file") => new AppError("invalid_input", message, { fields: { [field]: message } });
const tooLarge = (maxBytes: number) =>
  new AppError("too_large", `The file is larger than ${sizeInWords(maxBytes)}, the most an upload may be. Upload a smaller archive, or push the project with git.`, {
    fields: { file: `Larger than ${sizeInWords(maxBytes)}.` },
  });

/** The uploaded file's own name, for messages and the audit trail: no folders, no control characters, not endless. */
const cleanFileName = (name: string | undefined) => path.basename((name ?? "").replace(/\\/g, "/")).replace(/[\x00-\x1f\x7f]/g, "").slice(0, 200) || "upload";

/**
 * Streams a multipart/form-data request to disk with busboy: the part named
 * `file` goes to the file `to` as it arrives (never held in memory), the other
 * fields are collected, and `onField` sees each field as soon as it arrives, so
 * that a field sent before the file (the project's name) can refuse the upload
 * before the file is read. Over `maxBytes`, too_large. On any refusal the rest
 * of the request is read and dropped, so that the client gets the answer
 * rather than a broken connection; what was written is the caller's to remove.
 */
export async function receiveUpload({
  request,
  to,
  maxBytes,
  onField = () => {},
}: {
  request: Request;
  to: string;
  maxBytes: number;
  onField?: (name: string, value: string) => void;
}): Promise<ReceivedUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) throw invalid("Send the archive as multipart/form-data, with the fields name and file.", "body");
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + FORM_OVERHEAD) throw tooLarge(maxBytes);
  if (!request.body) throw invalid("Choose a .zip, .tar.gz or .tgz file to upload.");

  const input = Readable.fromWeb(request.body as unknown as NodeReadableStream);
  const form = busboy({ headers: { "content-type": type }, defParamCharset: "utf8", limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: FIELD_BYTES, parts: 12 } });
  const fields: Record<string, string> = {};
  let writing: { done: Promise<void>; fileName: string; stop: () => void } | null = null;

  return new Promise<ReceivedUpload>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      writing?.stop();
      input.unpipe(form);
      input.on("error", () => {}).resume();
      reject(error);
    };
    form.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(invalid(`The field ${name} is longer than ${FIELD_BYTES.toLocaleString("en-US")} characters.`, name));
      fields[name] = value;
      try {
        onField(name, value);
      } catch (error) {
        fail(error);
      }
    });
    form.on("file", (name, stream, info) => {
      if (name !== "file") {
        stream.resume();
        return fail(invalid(`Send the archive in the field named file, not ${JSON.stringify(name.slice(0, 40))}.`));
      }
      stream.once("limit", () => fail(tooLarge(maxBytes)));
      const out = fs.createWriteStream(to, { flags: "wx" });
      writing = {
        fileName: cleanFileName(info.filename),
        done: pipeline(stream, out),
        stop: () => {
          stream.unpipe();
          stream.resume();
          out.destroy();
        },
      };
      writing.done.catch(fail);
    });
    for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"] as const) form.on(limit, () => fail(invalid("Send one archive in the field file, and only the fields name and description beside it.", "body")));
    form.on("error", () => fail(invalid("The upload is not a well-formed multipart form. Send it as a browser form does (multipart/form-data).", "body")));
    input.on("error", () => fail(invalid("The upload broke off before the whole file arrived. Try again.")));
    form.on("close", () => {
      if (!writing) return fail(invalid("Choose a .zip, .tar.gz or .tgz file to upload."));
      const { done, fileName } = writing;
      done
        .then(() => fs.promises.stat(to))
        .then(({ size }) => {
          if (settled) return;
          settled = true;
          resolve({ fields, fileName, bytes: size });
        }, fail);
    });
    input.pipe(form);
  });
}
