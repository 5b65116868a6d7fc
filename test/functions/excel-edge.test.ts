/**
 * The Excel edge: whatever Excel passes, a RENO.* function returns a value or ONE CustomFunctions.Error
 * (#VALUE!) with a short Chinese message — never a throw, never an array holding errors.
 */
import fc from "fast-check";
import { StubError, installCustomFunctionsStub } from "./custom-functions-stub";
import * as fns from "../../src/functions/functions";
import { toCell } from "../../src/functions/excel";
import { MAX_MESSAGE, bad, issueText } from "../../src/functions/issues";

installCustomFunctionsStub();

const cell = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 1_000_000 }),
  fc.constantFrom("低保户", "特困", "是", "否", "yueqing-2023", "default", "cap.perSqm", "base", "tier.basic.rate", "  ", "x"),
  fc.string({ maxLength: 6 }),
);
const matrix = fc.oneof(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
  fc.array(
    fc.tuple(cell).map((t) => [...t]),
    { minLength: 1, maxLength: 6 },
  ),
);
const arg = fc.oneof(cell, matrix);

/** A legal cell result: a number, text, boolean, or a matrix of them, with no error inside. */
function isPlainResult(r: unknown): boolean {
  const scalar = (x: unknown) => typeof x === "number" || typeof x === "string" || typeof x === "boolean";
  if (scalar(r)) return typeof r !== "number" || Number.isFinite(r);
  return (
    Array.isArray(r) && r.length > 0 && r.every((row) => Array.isArray(row) && row.every((x) => scalar(x) && (typeof x !== "number" || Number.isFinite(x))))
  );
}

const entries: [string, (...a: unknown[]) => unknown, number][] = [
  ["RESIDENTSHARE", fns.residentShare as never, 4],
  ["SUBSIDY", fns.subsidy as never, 6],
  ["FUNDING", fns.funding as never, 6],
  ["RELIEFRATE", fns.reliefRateFn as never, 2],
  ["ALLOCATE", fns.allocateFn as never, 2],
  ["HOUSEHOLDS", fns.households as never, 8],
  ["VOTE", fns.vote as never, 3],
  ["APPROVALPATH", fns.approvalPathFn as never, 2],
];

describe.each(entries)("RENO.%s", (_id, fn, arity) => {
  it("returns a plain value or one #VALUE! with a short Chinese message for any arguments", () => {
    fc.assert(
      fc.property(fc.array(arg, { minLength: arity, maxLength: arity }), (args) => {
        const r = fn(...args);
        if (r instanceof StubError) {
          expect(r.code).toBe("#VALUE!");
          expect(r.message!.length).toBeLessThanOrEqual(MAX_MESSAGE);
          expect(r.message).toMatch(/[\u4e00-\u9fff]/);
          // A bug would surface as 内部错误: the inputs must all be caught by validation.
          expect(r.message).not.toMatch(/^内部错误/);
        } else {
          expect(isPlainResult(r)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("the error edge", () => {
  it("turns a thrown exception into #VALUE! 内部错误 instead of letting it reach Excel", () => {
    const r = toCell(() => {
      throw new TypeError("boom");
    });
    expect(r).toEqual(new StubError("#VALUE!", "内部错误：boom"));
  });

  it("writes rows 1-based and cuts long messages to the limit", () => {
    expect(issueText({ path: ["areas", 0], zh: "面积必须大于0", en: "area must be > 0" })).toBe("areas 第1行：面积必须大于0");
    expect(issueText({ path: ["areas", 0], zh: "x", en: "area must be > 0" }, "en")).toBe("areas row 1: area must be > 0");
    const long = issueText({ path: ["policy"], zh: "长".repeat(400), en: "" });
    expect(long).toHaveLength(MAX_MESSAGE);
    expect(long.endsWith("…")).toBe(true);
  });

  it("returns a CustomFunctions.Error value, not the text #VALUE!", () => {
    const r = toCell(() => bad({ path: ["total"], zh: "金额不能为负数", en: "" }));
    expect(r).toBeInstanceOf(StubError);
    expect(r).not.toBe("#VALUE!");
  });
});
