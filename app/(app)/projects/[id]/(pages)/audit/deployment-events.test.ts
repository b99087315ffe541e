import { describe, expect, it } from "vitest";
import { describeDeploymentEvent } from "./deployment-events";

describe("the audit trail's words for deployments and schedules", () => {
  it("says what each deployment event did", () => {
    expect(describeDeploymentEvent("deployment.created", { deployment: "Report", ref: "main", track: true, visibility: "private" })).toBe("Report: main (follows the branch), private");
    expect(describeDeploymentEvent("deployment.deployed", { deployment: "Report", ref: "main", commit: "9617a9cb93ed6f2c", trigger: "schedule" })).toBe("Report: main at 9617a9c (schedule)");
    expect(describeDeploymentEvent("deployment.rolled_back", { deployment: "Report", commit: "f785077aaaa" })).toBe("Report: back to f785077");
    expect(describeDeploymentEvent("deployment.updated", { deployment: "Report", changes: { name: "Report", visibility: "public" } })).toBe("Report: name: Report, visibility: public");
    expect(describeDeploymentEvent("deployment.run_failed", { deployment: "Report", message: "No branch feature." })).toBe("Report: No branch feature.");
    expect(describeDeploymentEvent("deployment.stopped", { deployment: "Report" })).toBe("Report");
  });

  it("says how a schedule changed: its clock, and whether it was switched on or off", () => {
    expect(describeDeploymentEvent("schedule.created", { deployment: "Report", cron: "0 6 * * 1-5", timezone: "Europe/Berlin" })).toBe("Report: 0 6 * * 1-5 (Europe/Berlin)");
    const from = { cron: "0 6 * * 1-5", timezone: "Europe/Berlin", enabled: true };
    expect(describeDeploymentEvent("schedule.updated", { deployment: "Report", cron: "0 6 * * 1-5", timezone: "Europe/Berlin", enabled: false, from })).toBe("Report: 0 6 * * 1-5 (Europe/Berlin), disabled");
    expect(describeDeploymentEvent("schedule.updated", { deployment: "Report", cron: "@daily", timezone: "UTC", enabled: true, from })).toBe("Report: 0 6 * * 1-5 (Europe/Berlin) → @daily (UTC)");
  });

  it("leaves other actions to the project's own descriptions", () => {
    expect(describeDeploymentEvent("git.push", {})).toBeNull();
  });
});
