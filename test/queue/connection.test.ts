import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NnmotifsError } from "../../src/core/errors.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  parseQueueUrl,
  REDIS_CA_ENV,
  redactQueueUrl,
  redisOptions,
} from "../../src/queue/connection.js";

describe("parseQueueUrl", () => {
  it("reads host, port, db, user, password and TLS", () => {
    const c = parseQueueUrl("rediss://alice:p%40ss@cache.example.org:6380/3");
    expect(c).toMatchObject({
      host: "cache.example.org",
      port: 6380,
      db: 3,
      username: "alice",
      password: "p@ss",
      tls: { servername: "cache.example.org" },
    });
    expect(c.display).toBe("rediss://alice:***@cache.example.org:6380/3");
    expect(redisOptions(c)).toMatchObject({ password: "p@ss", maxRetriesPerRequest: null });
  });

  it(`rediss:// takes the CA of ${REDIS_CA_ENV}; an IP address gets no server name`, () => {
    const dir = mkdtempSync(join(tmpdir(), "nnmotifs-ca-"));
    const saved = process.env[REDIS_CA_ENV];
    try {
      const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
      writeFileSync(join(dir, "ca.crt"), pem);
      writeFileSync(join(dir, "bad.crt"), "not a certificate");
      process.env[REDIS_CA_ENV] = join(dir, "ca.crt");
      expect(parseQueueUrl("rediss://127.0.0.1:6380").tls).toEqual({ ca: pem });
      expect(redisOptions(parseQueueUrl("rediss://h.example:1")).tls).toEqual({
        servername: "h.example",
        ca: pem,
      });
      // Plain redis:// never reads it.
      expect(parseQueueUrl("redis://127.0.0.1:6380").tls).toBeUndefined();
      process.env[REDIS_CA_ENV] = join(dir, "bad.crt");
      expect(() => parseQueueUrl("rediss://u:pw9@h:1")).toThrow(/holds no PEM certificate/);
      process.env[REDIS_CA_ENV] = join(dir, "missing.crt");
      expect(() => parseQueueUrl("rediss://h:1")).toThrow(/cannot read the CA file .*ENOENT/);
    } finally {
      if (saved === undefined) delete process.env[REDIS_CA_ENV];
      else process.env[REDIS_CA_ENV] = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("defaults: port 6379, db 0, no TLS, no auth", () => {
    const c = parseQueueUrl("redis://127.0.0.1");
    expect(c).toMatchObject({ host: "127.0.0.1", port: 6379, db: 0 });
    expect(c.tls).toBeUndefined();
    expect(c.password).toBeUndefined();
    expect(parseQueueUrl("redis://:pw@h:1/2").display).toBe("redis://:***@h:1/2");
  });

  it("bad URLs: one clear line, exit code 2, and no password in it", () => {
    for (const bad of ["http://u:hunter2@h:1", "redis://u:hunter2@h:1/x", "nonsense hunter2"]) {
      let error: unknown;
      try {
        parseQueueUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NnmotifsError);
      const e = error as NnmotifsError;
      expect(e.exitCode).toBe(2);
      expect(e.message).toMatch(/^invalid --queue/);
      if (bad.includes("//")) expect(e.message).not.toContain("hunter2");
    }
  });
});

describe("redactQueueUrl", () => {
  it("hides passwords in URLs inside any text, keeps the rest", () => {
    expect(redactQueueUrl("at redis://bob:secret@h:6379/0: refused")).toBe(
      "at redis://bob:***@h:6379/0: refused",
    );
    expect(redactQueueUrl("rediss://:secret@h")).toBe("rediss://:***@h");
    expect(redactQueueUrl("redis://secret@h")).toBe("redis://***@h");
    expect(redactQueueUrl("redis://h:1/0?password=secret&x=1")).toBe(
      "redis://h:1/0?password=***&x=1",
    );
    expect(redactQueueUrl("redis://h:6379/0")).toBe("redis://h:6379/0");
  });

  it("no password survives redaction or parsing (property)", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_-]{6,20}$/);
    fc.assert(
      // A password equal to the user name (or inside it) cannot be hidden while the user is shown.
      fc.property(word, word, fc.boolean(), (user, password, tls) => {
        fc.pre(!user.includes(password) && !"host.example".includes(password));
        const url = `${tls ? "rediss" : "redis"}://${user}:${password}@host.example:7000/1`;
        expect(redactQueueUrl(`error at ${url} now`)).not.toContain(password);
        expect(parseQueueUrl(url).display).not.toContain(password);
        expect(parseQueueUrl(url).password).toBe(password);
      }),
      { seed: 20261201 },
    );
  });
});
