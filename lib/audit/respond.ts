import type { z } from "zod";
import { json } from "../http/responses";
import { CSV_EXPORT_LIMIT, eventsToCsv, listEvents } from "./list-events";
import type { auditQuerySchema } from "./schema";

/**
 * Answers an audit query: one JSON page (`{events, nextPage}`), or for
 * `format=csv` the whole matching trail up to CSV_EXPORT_LIMIT.
 */
export function auditResponse({
  projectId,
  query,
  filename,
}: {
  /** A project's trail; undefined for every event (admin). */
  projectId?: string;
  query: z.infer<typeof auditQuerySchema>;
  filename: string;
}): Response {
  const { format, ...filters } = query;
  if (format === "csv") {
    const { events } = listEvents({ projectId, ...filters, page: 1, perPage: CSV_EXPORT_LIMIT });
    return new Response(eventsToCsv(events), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return json(listEvents({ projectId, ...filters }));
}
