import type { ActionState } from "@/lib/http/action-state";
import { AccessRequestLink } from "./access-request-link";

/** The outcome of a form's last submission, announced to screen readers; with Request access when a host's organization keeps Benchtop's app out. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state.message) return null;
  const tone = state.status === "error" ? "border-red-200 bg-red-50 text-red-800" : "border-green-200 bg-green-50 text-green-800";
  return (
    <p role={state.status === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-2 text-sm ${tone}`}>
      {state.message}
      {state.accessRequest && (
        <>
          {" "}
          <AccessRequestLink request={state.accessRequest} />
        </>
      )}
    </p>
  );
}
