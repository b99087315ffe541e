import type { RunView } from "@/lib/deployments";

/** A commit as people read it: its first seven characters. */
export const shortCommit = (commit: string) => commit.slice(0, 7);

/** Who asked for a run or deploy: a person, or the schedule when nobody did. */
export const requesterLabel = (person: { name: string; email: string } | null) => (person ? person.name || person.email : "schedule");

/** What started a run, in words: manual, schedule, or a rollback (always asked for by hand). */
export const triggerLabel = (run: Pick<RunView, "trigger" | "rollbackOf">) => (run.rollbackOf ? "rollback" : run.trigger);
