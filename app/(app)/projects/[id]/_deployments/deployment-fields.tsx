import { FieldNotes } from "@/app/components/field-notes";
import type { DeploymentVisibility } from "@/lib/deployments";
import { TextInput } from "./text-input";

/** The choices of who may open a deployment, with their words (lib/deployments' VISIBILITY_LABELS, handed down by the page). */
export type VisibilityChoice = { value: DeploymentVisibility; label: string };

export type DeploymentFieldsProps = {
  /** Prefixes the fields' ids: the new-deployment form and an edit form differ. */
  idPrefix: string;
  values: { name: string; ref: string; track: boolean; visibility: DeploymentVisibility };
  branches: string[];
  visibilities: VisibilityChoice[];
  /** False when an administrator has turned public deployments off. */
  publicAllowed: boolean;
  errors?: Record<string, string>;
};

/** Name, ref (with the project's branches suggested), follow the branch, and who may open it: the fields of a deployment's forms. */
export function DeploymentFields({ idPrefix, values, branches, visibilities, publicAllowed, errors = {} }: DeploymentFieldsProps) {
  const branchList = `${idPrefix}-branches`;
  const trackId = `${idPrefix}-track`;
  const visibilityId = `${idPrefix}-visibility`;
  // A deployment already public stays so while public is forbidden (it is served to signed-in people only); only choosing it anew is refused.
  const publicOff = !publicAllowed && values.visibility !== "public";
  const visibilityHint = publicAllowed
    ? "Anyone with the link needs no account; the others sign in first."
    : "An administrator has turned public deployments off: Anyone with the link cannot be chosen, and public deployments are served to people signed in only.";
  return (
    <>
      <TextInput id={`${idPrefix}-name`} label="Name" name="name" defaultValue={values.name} required error={errors.name} hint="Also makes its address, which stays the same if you rename it." />
      <TextInput
        id={`${idPrefix}-ref`}
        label="Branch, tag or commit"
        name="ref"
        defaultValue={values.ref}
        list={branchList}
        required
        error={errors.ref}
        hint="What it deploys: a branch, a tag, or a commit id."
        className="w-full font-mono"
      />
      <datalist id={branchList}>
        {branches.map((branch) => (
          <option key={branch} value={branch} />
        ))}
      </datalist>
      <div>
        <label htmlFor={trackId} className="flex items-center gap-2 text-sm text-slate-700">
          <input id={trackId} name="track" type="checkbox" defaultChecked={values.track} aria-describedby={errors.track ? `${trackId}-error` : undefined} className="h-4 w-4 rounded border-slate-300" />
          Follow the branch (redeploy its latest commit)
        </label>
        <FieldNotes id={trackId} hint="Off: it stays on the commit the ref names now, until you change it." error={errors.track} />
      </div>
      <div>
        <label htmlFor={visibilityId} className="block text-sm font-medium text-slate-700">
          Who can open it
        </label>
        <select
          id={visibilityId}
          name="visibility"
          defaultValue={values.visibility}
          aria-invalid={errors.visibility ? true : undefined}
          aria-describedby={`${visibilityId}-hint${errors.visibility ? ` ${visibilityId}-error` : ""}`}
          className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500"
        >
          {visibilities.map((choice) => (
            <option key={choice.value} value={choice.value} disabled={choice.value === "public" && publicOff}>
              {choice.label}
              {choice.value === "public" && !publicAllowed ? " (turned off by an administrator)" : ""}
            </option>
          ))}
        </select>
        <FieldNotes id={visibilityId} hint={visibilityHint} error={errors.visibility} />
      </div>
    </>
  );
}
