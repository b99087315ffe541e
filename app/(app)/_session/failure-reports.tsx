"use client";

import { createContext, useCallback, useContext, useEffect, useRef } from "react";
import { FAILURE_MESSAGE_MAX, type SessionOperation } from "@/lib/projects/failed-operations";
import { announceNotificationsChanged } from "../_notifications/notifications-changed";
import { describeError } from "./error-text";
import type { OpenPhase } from "./use-workspace";

/** Tells the server that an operation of this session failed (the project turns red, people are notified). */
export type ReportFailure = (operation: SessionOperation, error: unknown) => void;

const ignore: ReportFailure = () => {};

/** The session's reporter; sessions that report nothing (a registered repository's) leave the default. */
export const FailureReportContext = createContext<ReportFailure>(ignore);

export function useReportFailure(): ReportFailure {
  return useContext(FailureReportContext);
}

/**
 * A reporter posting to `url` (a project's /failures). A report that cannot be sent costs only the report:
 * the session has already said what went wrong.
 */
function useFailureReporter(url: string): ReportFailure {
  return useCallback<ReportFailure>(
    (operation, error) => {
      const message = describeError(error).slice(0, FAILURE_MESSAGE_MAX);
      void fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ operation, message }) })
        .then((response) => {
          if (response.ok) announceNotificationsChanged();
        })
        .catch(() => {});
    },
    [url],
  );
}

/** Gives the session inside a reporter to `url`: a project's session is wrapped in it, a registered repository's is not. */
export function FailureReports({ url, children }: { url: string; children: React.ReactNode }) {
  return <FailureReportContext value={useFailureReporter(url)}>{children}</FailureReportContext>;
}

/** Reports once that the session could not open (again only if it fails another way). */
export function useReportOpenFailure(phase: OpenPhase): void {
  const report = useReportFailure();
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (phase.kind !== "failed" || reported.current === phase.message) return;
    reported.current = phase.message;
    report("open", phase);
  }, [report, phase]);
}
