"use client";

import { useCallback, useState } from "react";
import type { Provider } from "@/lib/hosts/types";
import { Modal } from "./modal";
import { providerLabels, providerOrder } from "./providers";
import { RepositoryForm } from "./repository-form";

/** "Add repository": a choice of provider, then that provider's dialog. */
export function AddRepository() {
  const [choosing, setChoosing] = useState(false);
  const [provider, setProvider] = useState<Provider | null>(null);
  const close = useCallback(() => setProvider(null), []);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={choosing}
        aria-controls="provider-choice"
        onClick={() => setChoosing((c) => !c)}
        className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
      >
        Add repository
      </button>
      {choosing && (
        <ul id="provider-choice" aria-label="Choose a provider" className="absolute right-0 z-10 mt-2 w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg">
          {providerOrder.map((p) => (
            <li key={p}>
              <button
                type="button"
                onClick={() => {
                  setChoosing(false);
                  setProvider(p);
                }}
                className="block w-full px-3 py-2 text-left text-sm text-slate-700 hover:bg-indigo-50 hover:text-indigo-800"
              >
                {providerLabels[p]}
              </button>
            </li>
          ))}
        </ul>
      )}
      {provider && (
        <Modal title={`Add ${providerLabels[provider]} repository`} onClose={close}>
          <RepositoryForm key={provider} mode="add" provider={provider} onDone={close} />
        </Modal>
      )}
    </div>
  );
}
