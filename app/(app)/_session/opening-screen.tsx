import Link from "next/link";
import { buttonClass } from "./dialog-style";
import { ProgressBar } from "./progress-bar";
import type { OpenPhase } from "./use-workspace";
import { progressText } from "./use-status";

/** What the session shows until the local copy is open: clone progress, or why it failed. */
export function OpeningScreen({
  name,
  phase,
  projectHref,
  onRetry,
  credentialAction,
}: {
  name: string;
  phase: OpenPhase;
  projectHref: string;
  onRetry: () => void;
  /** Offered when the host refused the credential: reconnect, or fix the token. */
  credentialAction?: { label: string; run: () => void };
}) {
  return (
    <div className="flex h-full items-center justify-center p-6">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-lg font-semibold">{name}</h1>
        {phase.kind === "failed" ? (
          <div role="alert" className="mt-4 space-y-4">
            <p className="text-sm text-red-800">Could not open the session. {phase.message}</p>
            <div className="flex gap-2">
              {phase.code === "unauthorized" && credentialAction && (
                <button type="button" className={buttonClass.primary} onClick={credentialAction.run}>
                  {credentialAction.label}
                </button>
              )}
              <button type="button" className={phase.code === "unauthorized" && credentialAction ? buttonClass.plain : buttonClass.primary} onClick={onRetry}>
                Try again
              </button>
              <Link href={projectHref} className={buttonClass.plain}>
                Back to the project
              </Link>
            </div>
          </div>
        ) : (
          <div className="mt-4 space-y-2">
            <p className="text-sm text-slate-700" aria-live="polite">
              {phase.kind === "cloning" ? `Downloading the repository into this browser: ${progressText(phase.progress)}` : "Opening the local copy…"}
            </p>
            <ProgressBar label={phase.kind === "cloning" ? "Cloning the repository" : "Opening the local copy"} progress={phase.kind === "cloning" ? phase.progress : undefined} />
            <p className="text-xs text-slate-500">The first visit downloads recent history only; later visits open at once.</p>
          </div>
        )}
      </div>
    </div>
  );
}
