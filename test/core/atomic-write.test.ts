import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic, writeFileAtomicSync } from "../../src/core/atomic-write.js";
import { NnmotifsError } from "../../src/core/errors.js";
import { scratchDir } from "../scratch-dir.js";

describe("writeFileAtomic", () => {
  it("writeFileAtomicSync(path) replaces the file and leaves no temporary behind", () => {
    const dir = scratchDir("nnm-aw-");
    const file = join(dir, "sub", "out.txt");
    writeFileAtomicSync(file, "first");
    writeFileAtomicSync(file, "second");
    expect(readFileSync(file, "utf8")).toBe("second");
    expect(readdirSync(join(dir, "sub"))).toEqual(["out.txt"]);
  });

  it("writeFileAtomic(path) keeps the old file when the write fails", async () => {
    const dir = scratchDir("nnm-aw-");
    const file = join(dir, "out.txt");
    writeFileSync(file, "old");
    // A directory where the new content's target folder should be makes the write fail.
    await expect(writeFileAtomic(join(file, "child.txt"), "new")).rejects.toThrow();
    expect(readFileSync(file, "utf8")).toBe("old");
  });
});

describe("NnmotifsError", () => {
  it("error.format() names file and line", () => {
    expect(new NnmotifsError("bad colour 9", { file: "g.txt", line: 3 }).format()).toBe(
      "g.txt:3: bad colour 9",
    );
    expect(new NnmotifsError("no file").format()).toBe("no file");
    expect(new NnmotifsError("x").exitCode).toBe(2);
  });
});
