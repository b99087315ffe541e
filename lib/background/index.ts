// Background work that every instance runs: a polling loop, and who this instance is when it claims work from the database.
export { newInstanceId } from "./instance-id";
export { startPollLoop, type PollLoop } from "./poll-loop";
