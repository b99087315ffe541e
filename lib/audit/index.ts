export { CSV_EXPORT_LIMIT, eventsToCsv, listEvents, toAuditEventView, type AuditEventView } from "./list-events";
export { recordEvent } from "./record-event";
export { auditResponse } from "./respond";
export { auditQuerySchema } from "./schema";
