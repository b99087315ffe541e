export { CSV_EXPORT_LIMIT, eventsToCsv, listEventFacets, listEvents, toAuditEventView, type AuditEventView } from "./list-events";
export { recordEvent, recordEventUnlessRecent, SESSION_EVENT_WINDOW_MS } from "./record-event";
export { auditResponse } from "./respond";
export { auditQuerySchema } from "./schema";
