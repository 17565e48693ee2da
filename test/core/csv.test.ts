import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, objectsToCsv, toCsv } from "../../src/core/csv.js";

/** A minimal RFC 4180 reader, to check that what toCsv writes reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  return rows;
}

describe("csvCell(value)", () => {
  it("leaves null, undefined and non-finite numbers empty", () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) expect(csvCell(v)).toBe("");
  });

  it("writes numbers, booleans and plain strings as they are", () => {
    expect(csvCell(0)).toBe("0");
    expect(csvCell(-1.5e-7)).toBe("-1.5e-7");
    expect(csvCell(true)).toBe("true");
    expect(csvCell("010 111")).toBe("010 111");
  });

  it('quotes a value holding ", comma, CR or LF and doubles its quotes', () => {
    expect(csvCell('x,"y"')).toBe('"x,""y"""');
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});

describe("toCsv(header, rows)", () => {
  it("writes the header, then one line per row, each ending in LF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          [1, null],
          ["x,y", NaN],
        ],
      ),
    ).toBe('a,b\n1,\n"x,y",\n');
    expect(toCsv(["only"], [])).toBe("only\n");
  });

  it("reads back cell for cell (any strings)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 3, maxLength: 3 }), { maxLength: 8 }),
        (rows) => {
          expect(parseCsv(toCsv(["a", "b", "c"], rows))).toEqual([["a", "b", "c"], ...rows]);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe("objectsToCsv(rows)", () => {
  it("takes the columns from the first row's keys", () => {
    expect(
      objectsToCsv([
        { a: 'x,"y"', b: null, c: NaN },
        { a: 2, b: 3, c: 4 },
      ]),
    ).toBe('a,b,c\n"x,""y""",,\n2,3,4\n');
  });

  it("is empty without rows", () => {
    expect(objectsToCsv([])).toBe("");
  });
});
