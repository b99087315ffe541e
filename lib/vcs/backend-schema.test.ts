import { afterEach, describe, expect, it } from "vitest";
import { externalBackendInputSchema } from "./backend-schema";

const saved = process.env.BENCHTOP_INSECURE_HOSTS;
afterEach(() => {
  if (saved === undefined) delete process.env.BENCHTOP_INSECURE_HOSTS;
  else process.env.BENCHTOP_INSECURE_HOSTS = saved;
});

const bitbucket = (credentialHostname: string) =>
  externalBackendInputSchema.safeParse({ type: "bitbucket", name: "Labs", url: "https://api.bitbucket.org/2.0", credentialHostname, organization: "labs", username: "owner@example.test", authToken: "t" });

describe("a Bitbucket Cloud backend's credential host", () => {
  it("is bitbucket.org, where members' connections are kept", () => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
    expect(bitbucket("Bitbucket.org").success).toBe(true);
    for (const host of ["git.example.com", "www.bitbucket.org", "127.0.0.1:7990"]) {
      expect(bitbucket(host).error?.issues).toEqual([expect.objectContaining({ path: ["credentialHostname"], message: expect.stringMatching(/Give bitbucket\.org/) })]);
    }
  });

  it("may be a stand-in on the operator's BENCHTOP_INSECURE_HOSTS (an emulator in tests)", () => {
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1";
    expect(bitbucket("127.0.0.1:7990").success).toBe(true);
    expect(bitbucket("git.example.com").success).toBe(false);
  });

  it("leaves other types' hosts alone", () => {
    const github = externalBackendInputSchema.safeParse({ type: "github", name: "Labs", url: "https://ghe.example.com/api/v3", credentialHostname: "ghe.example.com", organization: "labs", username: "svc", authToken: "t" });
    expect(github.success).toBe(true);
  });
});
