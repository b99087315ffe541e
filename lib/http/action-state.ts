import type { z } from "zod";
import { type AccessRequest, isAppError } from "../errors";
import { fieldErrors } from "./validation";

/** What a server action returns to its form. */
export type ActionState = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** Anything the form shows once, such as a new token. */
  data?: Record<string, string>;
  /** What was submitted, so that a refused form shows it again (never passwords). */
  values?: Record<string, string>;
  /** A host's organization keeps Benchtop's app out: the form offers Request access (see AccessRequest). */
  accessRequest?: AccessRequest;
};

/** The named text fields of a submission, to hand back with a refusal. */
export function submittedValues(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(formData.get(name) ?? "")]));
}

/** Adds the submitted values to a refusal; success states are left as they are. */
export function keepValues(state: ActionState, formData: FormData, names: string[]): ActionState {
  return state.status === "error" ? { ...state, values: submittedValues(formData, names) } : state;
}

export const idleState: ActionState = { status: "idle" };

export function validationFailed(error: z.ZodError): ActionState {
  return { status: "error", message: "Check the highlighted fields.", fieldErrors: fieldErrors(error) };
}

/** Turns a thrown error into a form state; unknown errors are logged and not shown in detail. */
export function actionFailed(error: unknown): ActionState {
  if (isAppError(error)) return { status: "error", message: error.message, fieldErrors: error.fields, ...(error.accessRequest ? { accessRequest: error.accessRequest } : {}) };
  console.error("Unexpected error in a server action:", error);
  return { status: "error", message: "Something went wrong on the server. Try again; if it keeps happening, tell an administrator." };
}
