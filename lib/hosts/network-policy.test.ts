import { afterEach, describe, expect, it } from "vitest";
import { assertLocationAllowed, isInsecureHostAllowed, isPublicAddress, safeLookup } from "./network-policy";

afterEach(() => {
  delete process.env.BENCHTOP_INSECURE_HOSTS;
});

const lookup = (host: string) =>
  new Promise<string>((resolve, reject) => safeLookup(host, {}, (error, address) => (error ? reject(error) : resolve(address as string))));

describe("network policy", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "100.64.0.1"])("treats %s as not public", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(["140.82.112.3", "8.8.8.8", "2606:4700::1111"])("treats %s as public", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it("requires https, refuses credentials in the URL and literal private addresses", () => {
    expect(() => assertLocationAllowed(new URL("https://github.com/a/b"))).not.toThrow();
    expect(() => assertLocationAllowed(new URL("http://github.com/a/b"))).toThrow(/https only/);
    expect(() => assertLocationAllowed(new URL("ftp://github.com/a/b"))).toThrow(/https/);
    expect(() => assertLocationAllowed(new URL("https://user:pw@github.com/a/b"))).toThrow(/token in its own field/);
    expect(() => assertLocationAllowed(new URL("https://127.0.0.1/a/b"))).toThrow(/private or local/);
    expect(() => assertLocationAllowed(new URL("https://[::1]/a/b"))).toThrow(/private or local/);
  });

  it("lets the operator's listed hosts use http and loopback, port by port", () => {
    process.env.BENCHTOP_INSECURE_HOSTS = "localhost:8443, ghe.lab";
    expect(isInsecureHostAllowed("localhost", 8443)).toBe(true);
    expect(isInsecureHostAllowed("localhost", 9000)).toBe(false);
    expect(isInsecureHostAllowed("GHE.lab", 80)).toBe(true);
    expect(() => assertLocationAllowed(new URL("http://localhost:8443/a/b"))).not.toThrow();
    expect(() => assertLocationAllowed(new URL("http://localhost:9000/a/b"))).toThrow(/https only/);
  });

  it("refuses names that resolve to loopback at connect time unless listed", async () => {
    await expect(lookup("localhost")).rejects.toMatchObject({ code: "ENOTALLOWED" });
    process.env.BENCHTOP_INSECURE_HOSTS = "localhost:8443";
    await expect(lookup("localhost")).resolves.toMatch(/127\.0\.0\.1|::1/);
  });
});
