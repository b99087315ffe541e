import { json } from "../http/responses";
import { eventsToCsv, type AuditEventView } from "./list-events";

/** Audit events in the format asked for: JSON (`{events, nextPage}`) or CSV. */
export function auditResponse({ events, nextPage, format, filename }: { events: AuditEventView[]; nextPage: number | null; format: "json" | "csv"; filename: string }): Response {
  if (format === "csv") {
    return new Response(eventsToCsv(events), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return json({ events, nextPage });
}
