import { describe, expect, it } from "vitest";
import {
  analyseStudy,
  findingSentence,
  findingsJson,
  summariseFindings,
  type Finding,
  type StudyResults,
} from "../../src/analysis/index.js";
import { namedTopologyKey, topologyKey } from "../../src/analysis/motif-names.js";
import { makeSyntheticStudy } from "../fixtures/synthetic-study.js";

const results = makeSyntheticStudy();
const analysis = analyseStudy(results);

/** The study with every training history replaced: val accuracy per epoch per init. */
function withCurves(study: StudyResults, curves: Record<string, number[]>): StudyResults {
  return {
    ...study,
    trainings: study.trainings.map((t) => ({
      ...t,
      history: curves[t.init].map((valAccuracy, i) => ({
        epoch: i + 1,
        loss: 1,
        accuracy: valAccuracy,
        valLoss: 1,
        valAccuracy,
      })),
    })),
  };
}

function learningSentences(study: StudyResults): string[] {
  return analyseStudy(study)
    .findings.filter((f) => f.kind === "learning")
    .map((f) => f.sentence);
}

describe("studyFindings(results, tables)", () => {
  it("gives every finding a unique id and a sentence generated from its fields alone", () => {
    const ids = analysis.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of analysis.findings) {
      const { sentence, ...fields } = f;
      expect(findingSentence(fields as Parameters<typeof findingSentence>[0])).toBe(sentence);
    }
  });

  it("counts significant networks exactly as the topology table does", () => {
    const diamond = namedTopologyKey("diamond");
    for (const nullModel of results.nullModels) {
      const f = analysis.findings.find(
        (x) => x.kind === "topology" && x.topology === "diamond" && x.null === nullModel,
      ) as Extract<Finding, { kind: "topology" }>;
      const trained = analysis.tables.topologyVariants.filter(
        (v) => v.topology === diamond && v.nullModel === nullModel && v.stage === "trained",
      );
      expect(f.significant).toBe(trained.filter((v) => v.significant).length);
      expect(f.networks).toBe(6);
      expect(f.family).toBe("all classes of one census (both tails)");
      expect(f.alpha).toBe(0.05);
      expect(f.sentence).toContain(`${nullModel} null: median Z`);
      expect(f.sentence).toContain(`significant in ${f.significant} of 6`);
    }
  });

  it("iterates over whatever nulls the study ran, the first being the reference", () => {
    const third: StudyResults = {
      ...results,
      nullModels: [...results.nullModels, "toy"],
      censuses: [
        ...results.censuses,
        ...results.censuses
          .filter((c) => c.nullModel === "layered")
          .map((c) => ({ ...c, nullModel: "toy" })),
      ],
    };
    const a = analyseStudy(third);
    expect(new Set(a.tables.nullComparison.map((r) => r.otherNull))).toEqual(
      new Set(["layered", "toy"]),
    );
    expect(a.tables.nullComparison.every((r) => r.referenceNull === "switch")).toBe(true);
    const toy = a.findings.filter((f) => f.null === "toy").map((f) => f.kind);
    expect(toy).toEqual(expect.arrayContaining(["topology", "null-survival", "delta-z"]));
    // Reordering the nulls changes the reference.
    const reordered = analyseStudy({ ...third, nullModels: ["toy", "switch", "layered"] });
    expect(reordered.tables.nullComparison.every((r) => r.referenceNull === "toy")).toBe(true);
  });

  it("lists classes whose count the null fixes, and never calls them significant", () => {
    const fanOut = topologyKey(["011", "000", "000"]);
    const fixed: StudyResults = {
      ...results,
      censuses: results.censuses.map((c) =>
        c.nullModel !== "layered" || c.size !== 3
          ? c
          : {
              ...c,
              motifs: c.motifs.map((m) =>
                topologyKey(m.adjacency) === fanOut
                  ? // What the census writes for a class the null fixes (its own decision ignored).
                    {
                      ...m,
                      randomCountMean: m.count,
                      randomCountSd: 0,
                      qOver: 0,
                      constrained: true,
                      significant: "over" as const,
                    }
                  : m,
              ),
            },
      ),
    };
    const a = analyseStudy(fixed);
    const rows = a.tables.censusClasses.filter(
      (r) => r.nullModel === "layered" && r.size === 3 && r.topology === fanOut,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.constrained && r.significant === null)).toBe(true);
    const f = a.findings.find((x) => x.id === "constrained-3-layered");
    expect(f?.sentence).toMatch(/^Fixed by the null model's constraints: under the layered null/);
    expect(f?.value).toBe(new Set(rows.map((r) => r.key)).size);
    expect(
      a.tables.topologyVariants
        .filter((v) => v.nullModel === "layered" && v.topology === fanOut)
        .every((v) => !v.significant && v.constrained === v.variants),
    ).toBe(true);
  });
});

describe("learning efficacy findings", () => {
  it("reports a tie as a tie, never as one init learning fastest", () => {
    const tied = withCurves(results, {
      normal: [0.5, 0.9, 0.96],
      orthogonal: [0.96, 1, 1],
      glorot: [0.97, 1, 1],
    });
    for (const s of learningSentences(tied)) {
      expect(s).not.toMatch(/learns fastest/);
      expect(s).toMatch(
        /orthogonal and glorot tie as the fastest: 95% validation accuracy after 1 epoch \(normal after 3\)/,
      );
    }
  });

  it("says when no init reached the target instead of ranking them", () => {
    const none = withCurves(results, {
      normal: [0.5, 0.6],
      orthogonal: [0.7, 0.8],
      glorot: [0.7, 0.9],
    });
    for (const s of learningSentences(none)) {
      expect(s).toMatch(/no initialisation reached 95% validation accuracy within 2 epochs/);
      expect(s).not.toMatch(/fastest/);
    }
  });

  it("names a unique fastest init and the ones that never reached the target", () => {
    const one = withCurves(results, {
      normal: [0.5, 0.6],
      orthogonal: [0.9, 0.95],
      glorot: [0.96, 0.99],
    });
    for (const s of learningSentences(one)) {
      expect(s).toMatch(
        /glorot learns fastest: 95% validation accuracy after 1 epoch \(orthogonal after 2; never reached by normal\)/,
      );
    }
    const rows = analyseStudy(one).tables.learningEfficacy;
    expect(rows.find((r) => r.init === "glorot")?.valAccuracyArea).toBeCloseTo(1.95, 12);
  });
});

describe("findingsJson(results)", () => {
  it("writes every finding of the report with the decision rules", () => {
    const doc = JSON.parse(findingsJson(results, analysis)) as {
      significance: { alpha: number; family: string; minCount: number };
      nullModels: string[];
      findings: Finding[];
    };
    expect(doc.significance).toMatchObject({ alpha: 0.05, minCount: 4 });
    expect(doc.nullModels).toEqual(["switch", "layered"]);
    expect(doc.findings.map((f) => f.sentence)).toEqual(summariseFindings(results));
    for (const f of doc.findings) {
      for (const field of ["id", "section", "null", "size", "topology", "statistic", "value"]) {
        expect(f).toHaveProperty(field);
      }
      for (const field of ["networks", "significant", "family", "alpha", "sentence"]) {
        expect(f).toHaveProperty(field);
      }
    }
    // Deterministic: the same results give the same bytes.
    expect(findingsJson(results)).toBe(findingsJson(results, analysis));
  });
});
