"use client";

import { useCallback, useState } from "react";
import { ConfirmDialog } from "./confirm-dialog";
import type { ConfirmOptions, PromptOptions } from "./dialog-options";
import { PromptDialog } from "./prompt-dialog";

type Request =
  | { kind: "confirm"; options: ConfirmOptions; resolve: (ok: boolean) => void }
  | { kind: "prompt"; options: PromptOptions; resolve: (value: string | null) => void };

/** Promise-returning confirm and prompt, shown as modal dialogs; render `element` once. */
export function useDialogs() {
  const [request, setRequest] = useState<Request | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => new Promise<boolean>((resolve) => setRequest({ kind: "confirm", options, resolve })), []);
  const prompt = useCallback((options: PromptOptions) => new Promise<string | null>((resolve) => setRequest({ kind: "prompt", options, resolve })), []);

  let element: React.ReactNode = null;
  if (request?.kind === "confirm") {
    element = (
      <ConfirmDialog
        options={request.options}
        onDone={(ok) => {
          setRequest(null);
          request.resolve(ok);
        }}
      />
    );
  } else if (request?.kind === "prompt") {
    element = (
      <PromptDialog
        options={request.options}
        onDone={(value) => {
          setRequest(null);
          request.resolve(value);
        }}
      />
    );
  }
  return { confirm, prompt, element };
}
