/** RedisStudyStore against a real redis-server: content-addressed files, markers, isolation. */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashOf } from "../../src/study/cache.js";
import { resolveStudyConfig } from "../../src/study/config.js";
import { RedisStudyStore, studyId, studyPrefix } from "../../src/study/redis-store.js";
import { REDIS_SERVER, skipNote, startRedis, type RedisServer } from "./redis-server.js";

skipNote("test/queue/redis-store.test.ts");
const withRedis = REDIS_SERVER !== null || process.env.CI ? describe : describe.skip;

withRedis("RedisStudyStore", () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis({ host: "127.0.0.1", port: server.port });
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
  });

  it("stores bytes by key and completes a step whose outputs it verifies", async () => {
    const store = new RedisStudyStore(redis, studyPrefix("a"), "test");
    await store.write("census/x.json", '{"a":1}\n');
    await store.write("models/m.bin", new Uint8Array([0, 255, 7]));
    expect(await store.readText("census/x.json")).toBe('{"a":1}\n');
    expect([...(await store.readBytes("models/m.bin"))]).toEqual([0, 255, 7]);
    const record = await store.complete("s1", "key1", ["models/m.bin", "census/x.json"], 1.5, {
      n: 2,
    });
    // Output hashes are SHA-256 of the bytes, as in the local folder's markers.
    expect(Object.keys(record.outputs)).toEqual(["census/x.json", "models/m.bin"]);
    expect(record.outputHash).toBe(hashOf(record.outputs));
    expect(await store.lookup("s1", "key1")).toEqual(record);
    expect(await store.lookup("s1", "other key")).toBeNull(); // changed input: not reused
    await store.write("census/x.json", '{"a":2}\n'); // changed output: not reused
    expect(await store.lookup("s1", "key1")).toBeNull();
    expect((await store.previous("s1"))?.key).toBe("key1");
    await store.invalidate("s1");
    expect(await store.previous("s1")).toBeNull();
  });

  it("two studies on one Redis never see each other's files, markers or locks", async () => {
    const c1 = resolveStudyConfig({ out: "/r/one" });
    const c2 = resolveStudyConfig({ out: "/r/one", seed: 2 });
    const id1 = studyId("/r/one", c1);
    expect(studyId("/r/two", c1)).not.toBe(id1);
    expect(studyId("/r/one", c2)).not.toBe(id1);
    expect(studyId("/r/one", { ...c1, threads: 7 })).toBe(id1); // threads do not change results
    const one = new RedisStudyStore(redis, studyPrefix(id1), "test");
    const two = new RedisStudyStore(redis, studyPrefix(studyId("/r/one", c2)), "test");
    await one.write("f", "one");
    await one.complete("s", "k", ["f"], 0, null);
    await expect(two.readText("f")).rejects.toThrow(/not in the queue's store: f/);
    expect(await two.lookup("s", "k")).toBeNull();
    const lock1 = await one.open();
    const lock2 = await two.open(); // another study: its own lock
    await expect(one.open()).rejects.toThrow(/in use by another coordinator/);
    lock1.release();
    lock2.release();
    await new Promise((r) => setTimeout(r, 50));
    (await one.open()).release();
    await two.write("g", "two");
    expect(await two.clear()).toBeGreaterThan(0);
    expect(await one.readText("f")).toBe("one");
  });
});
