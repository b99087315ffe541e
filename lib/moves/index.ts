export { MOVE_STEP_LABELS, type MoveHooks, type MoveStep } from "./move-context";
export { describeBackend } from "./move-ends";
export { listProjectPlaces, type ProjectPlace } from "./list-projects";
export { getMoveBatch, listMoveBatches, type MoveBatchView, type MoveView } from "./move-view";
export { queueMoves } from "./queue-moves";
export { runMoveJob } from "./run-move-job";
export { moveRequestSchema, type MoveRequest } from "./schema";
export { runNextJob, startMoveWorker, wakeMoveWorker, type MoveWorker } from "./worker";
