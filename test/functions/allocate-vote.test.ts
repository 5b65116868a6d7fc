/** ALLOCATE (funding-rules.md §2, largest remainder) and VOTE (§5, 双三分之二 / 双四分之三). */
import fc from "fast-check";
import { errorMessage, installCustomFunctionsStub } from "./custom-functions-stub";
import { allocateFn, vote } from "../../src/functions/functions";

installCustomFunctionsStub();

const col = (xs: readonly unknown[]) => xs.map((x) => [x]);

describe("RENO.ALLOCATE", () => {
  it.each([
    ["10 fen over 2 : 2 : 3 — the leftover fen go to the largest remainders", 0.1, [2, 2, 3], [0.03, 0.03, 0.04]],
    ["a tie goes to the earlier row", 0.01, [1, 1], [0.01, 0]],
    ["1 元 over thirds", 1, [1, 1, 1], [0.34, 0.33, 0.33]],
    ["decimal weights are exact: 0.1 : 0.2", 0.03, [0.1, 0.2], [0.01, 0.02]],
    ["the total is rounded to the fen first", 0.015, [1], [0.02]],
    ["a zero total with zero weights", 0, [0, 0], [0, 0]],
    ["a single row gets everything", 1234.56, [88.5], [1234.56]],
    ["numbers stored as text count as the numbers they show", 0.1, ["2", " 2 ", "3"], [0.03, 0.03, 0.04]],
    ["thousands separators and full-width digits in text", 1, ["1,000", "１０００"], [0.5, 0.5]],
  ])("%s", (_name, total, weights, expected) => {
    expect(allocateFn(total, col(weights))).toEqual(col(expected));
  });

  it("always adds up to the total to the fen and keeps the height", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (totalFen, ints, dp) => {
          const weights = ints.map((w) => w / 10 ** dp);
          if (Math.max(...weights) === 0) weights[0] = 1;
          const r = allocateFn(totalFen / 100, col(weights)) as number[][];
          expect(r).toHaveLength(weights.length);
          expect(r.reduce((s, [x]) => s + Math.round(x * 100), 0)).toBe(totalFen);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ["all-zero weights", 1, col([0, 0]), "weights：全部分摊系数为0，无法分摊"],
    ["a negative weight", 1, col([1, -2]), "weights 第2行：分摊系数不能为负数，实为 -2"],
    ["a blank weight", 1, col([1, ""]), "weights 第2行：缺少必填项"],
    ["text that is not a number", 1, col([1, "两"]), 'weights 第2行：应为数字，实为 "两"'],
    ["a negative weight typed as text", 1, col([1, "-2"]), 'weights 第2行：分摊系数不能为负数，实为 "-2"'],
    ["a row of weights", 1, [[1, 2, 3]], "weights：应为单列区域，实为 1 行 × 3 列"],
    ["a negative total", -1, col([1]), "total：金额不能为负数，实为 -1"],
  ])("returns one #VALUE! for %s", (_name, total, weights, message) => {
    expect(errorMessage(allocateFn(total, weights))).toBe(message);
  });
});

describe("RENO.VOTE", () => {
  it("fails participation when only the area reaches 2/3 (the count is 1/2)", () => {
    expect(vote(col([60, 30]), col([true, false]), col([true, false]))).toEqual([[false, false, 60 / 90, 0.5, 1, 1]]);
  });

  it("passes both at exactly 2/3 and 3/4 (以上 includes the number)", () => {
    // 12 households of 10 m²: 8 take part (2/3 of area and count); 6 of those agree (3/4).
    const areas = Array(12).fill(10);
    const part = [...Array(8).fill("是"), ...Array(4).fill("否")];
    const agree = [...Array(6).fill("同意"), "不同意", "", ...Array(4).fill("")];
    expect(vote(col(areas), col(part), col(agree))).toEqual([[true, true, 8 / 12, 8 / 12, 0.75, 0.75]]);
  });

  it("fails approval one household short of 3/4", () => {
    const areas = Array(12).fill(10);
    const part = [...Array(8).fill(1), ...Array(4).fill(0)];
    const agree = [...Array(5).fill("√"), ...Array(7).fill("×")];
    expect(vote(col(areas), col(part), col(agree))).toEqual([[true, false, 8 / 12, 8 / 12, 5 / 8, 5 / 8]]);
  });

  it("compares areas exactly, not in binary floating point", () => {
    // 0.02 + 0.12 = 2 × 0.07 exactly: 2/3 of the area takes part. In doubles 3 × (0.02 + 0.12) < 2 × 0.21.
    expect(3 * (0.02 + 0.12) >= 2 * (0.02 + 0.12 + 0.07)).toBe(false);
    const r = vote(col([0.02, 0.12, 0.07]), col(["Y", "Y", "N"]), col(["Y", "Y", "N"])) as unknown[][];
    expect(r[0].slice(0, 2)).toEqual([true, true]);
  });

  it.each([
    ["an agreement without participation", col([1, 1]), col([true, false]), col([true, true]), "agreed 第2行：同意改造的住户必须参与表决"],
    [
      "an unreadable yes/no",
      col([1, 1]),
      col(["是", "也许"]),
      col(["", ""]),
      'participated 第2行：应为 是/否（TRUE/FALSE、1/0、是/否、Y/N、yes/no、√/×、同意/不同意），实为 "也许"',
    ],
    ["a zero area", col([1, 0]), col([true, true]), col([true, true]), "areas 第2行：面积必须大于0，实为 0"],
    ["columns of different heights", col([1, 1]), col([true, true]), col([true]), "agreed：行数 1 与 areas 的行数 2 不一致"],
  ])("returns one #VALUE! for %s", (_name, a, p, g, message) => {
    expect(errorMessage(vote(a, p, g))).toBe(message);
  });
});
