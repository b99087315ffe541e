import { afterEach, describe, expect, it } from "vitest";
import { GatewayError } from "./gateway-error";
import { resolveUpstream, type LookupAll } from "./resolve-upstream";

const to = (...addresses: string[]): LookupAll => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error("expected a refusal");
}

describe("resolveUpstream", () => {
  afterEach(() => {
    delete process.env.BENCHTOP_INSECURE_HOSTS;
  });

  it("pins the public address it checked and keeps the host name for TLS and Host", async () => {
    const upstream = await resolveUpstream(new URL("https://git.example.com:8443/a/b.git"), to("93.184.216.34"));
    expect(upstream).toEqual({ protocol: "https:", hostname: "git.example.com", port: 8443, address: "93.184.216.34", family: 4, hostHeader: "git.example.com:8443" });
  });

  it("refuses a name with any private, loopback, link-local or metadata address", async () => {
    for (const address of ["127.0.0.1", "10.255.255.1", "169.254.169.254", "::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect((await refusal(resolveUpstream(new URL("https://git.example.com/a/b.git"), to("93.184.216.34", address)))).status, address).toBe(403);
    }
  });

  it("refuses literal private addresses without resolving anything", async () => {
    const never: LookupAll = async () => {
      throw new Error("looked up");
    };
    expect((await refusal(resolveUpstream(new URL("https://10.255.255.1/a/b.git"), never))).status).toBe(403);
    expect((await refusal(resolveUpstream(new URL("https://[::1]/a/b.git"), never))).status).toBe(403);
    expect((await refusal(resolveUpstream(new URL("https://2130706433/a/b.git"), never))).status).toBe(403);
  });

  it("allows plain http and private addresses only for hosts on BENCHTOP_INSECURE_HOSTS", async () => {
    expect((await refusal(resolveUpstream(new URL("http://git.example.com/a/b.git"), to("93.184.216.34")))).status).toBe(403);
    process.env.BENCHTOP_INSECURE_HOSTS = "127.0.0.1,lab.local:8080";
    expect((await resolveUpstream(new URL("http://127.0.0.1:4000/a/b.git"))).address).toBe("127.0.0.1");
    expect((await resolveUpstream(new URL("http://lab.local:8080/a/b.git"), to("10.0.0.5"))).address).toBe("10.0.0.5");
    expect((await refusal(resolveUpstream(new URL("http://lab.local:8081/a/b.git"), to("10.0.0.5")))).status).toBe(403);
  });
});
