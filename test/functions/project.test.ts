/**
 * RESIDENTSHARE, SUBSIDY, FUNDING, APPROVALPATH through their Excel entry points (src/functions/functions.ts),
 * checked against the spec's worked example (funding-rules.md §3) and the engine.
 */
import { errorMessage, installCustomFunctionsStub, StubError } from "./custom-functions-stub";
import { approvalPathFn, funding, residentShare, subsidy } from "../../src/functions/functions";
import { APPROVAL_PATH_TEXTS, calculate, toOutputJson } from "../../src/engine";

installCustomFunctionsStub();

// funding-rules.md §3 worked example (default policy).
const Cb = 2_000_000;
const Ci = 1_000_000;
const Ce = 500_000;
const A = 8_000;
const S = 100_000;

describe("RENO.RESIDENTSHARE", () => {
  it.each([
    ["the worked example, default policy", [Cb, Ci, Ce, null], 850_000],
    ["the worked example, yueqing-2023 typed as text", [Cb, Ci, Ce, [["yueqing-2023"]]], 850_000],
    ["a basic rate of 20% from a key / value range", [Cb, Ci, Ce, [["tier.basic.rate", 0.2]]], 1_050_000],
    ["costs rounded to the fen half away from zero when read: 0.005 → 0.01, × 0.7 → 0.01", [0, 0, 0.005, null], 0.01],
    ["R0 rounded to the fen: 0.1 × 0.05 + 0.3 × 0.05 = 0.02", [0.05, 0.05, 0, null], 0.02],
    ["all zero", [0, 0, 0, undefined], 0],
  ] as const)("%s", (_name, args, expected) => {
    expect(residentShare(args[0], args[1], args[2], args[3] as never)).toBe(expected);
  });

  it("names the argument of a negative cost", () => {
    expect(errorMessage(residentShare(Cb, -1, Ce))).toBe("improvement：金额不能为负数，实为 -1");
  });
});

describe("RENO.SUBSIDY", () => {
  it("gives F = 2,400,000.00 for the worked example (capped at 300 元/m²)", () => {
    expect(subsidy(Cb, Ci, Ce, A, S)).toBe(2_400_000);
  });

  it("gives F0 = 2,550,000.00 when the policy has no cap (blank cap.perSqm)", () => {
    expect(subsidy(Cb, Ci, Ce, A, S, [["cap.perSqm", ""]])).toBe(2_550_000);
  });

  it("treats an omitted social capital as 0", () => {
    // F0 = 3,500,000 − 850,000 = 2,650,000 > cap 2,400,000.
    expect(subsidy(Cb, Ci, Ce, A, null as never)).toBe(2_400_000);
    expect(subsidy(Cb, Ci, Ce, 10_000, null as never)).toBe(2_650_000);
  });

  it("floors the cap to the fen: 300 × 0.00333 = 0.999 → 0.99", () => {
    expect(subsidy(100, 0, 0, 0.00333)).toBe(0.99);
  });

  it("agrees with the engine's whole calculation on an uneven project", () => {
    const project = { area: 1234.56, costs: { basic: 987654.32, improvement: 123456.78, enhancement: 55555.55 }, socialCapital: 1000.01 };
    const r = calculate({ project });
    if (!r.ok) throw new Error("engine failed");
    const out = toOutputJson(r.value).project;
    expect(subsidy(987654.32, 123456.78, 55555.55, 1234.56, 1000.01)).toBe(out.fiscalSubsidy);
  });

  it.each([
    ["area 0", [Cb, Ci, Ce, 0, S], "area：面积必须大于0，实为 0"],
    ["a negative social capital", [Cb, Ci, Ce, A, -5], "social：金额不能为负数，实为 -5"],
    ["social capital above T − R0 (§3.3)", [Cb, Ci, Ce, A, 3_000_000], "social：社会资金 3000000.00 元大于总投资扣除居民自筹后的余额 2650000.00 元"],
    ["an amount above 1万亿", [2e12, 0, 0, A, 0], "basic：金额超出可计算范围（不超过1万亿元），实为 2000000000000"],
  ] as const)("returns one #VALUE! naming the argument for %s", (_name, args, message) => {
    const r = subsidy(args[0], args[1], args[2], args[3], args[4]);
    expect(r).toBeInstanceOf(StubError);
    expect((r as StubError).code).toBe("#VALUE!");
    expect((r as StubError).message).toBe(message);
  });
});

describe("RENO.FUNDING", () => {
  it("returns one row T, R0, X, R, S, F, F/m² of the worked example", () => {
    expect(funding(Cb, Ci, Ce, A, S)).toEqual([[3_500_000, 850_000, 150_000, 1_000_000, 100_000, 2_400_000, 300]]);
  });

  it("keeps the identity R + S + F = T to the fen on uneven inputs", () => {
    const row = funding(1_111_111.11, 222_222.22, 33_333.33, 777.7, 4_444.44) as number[][];
    const fen = row[0].map((x) => Math.round(x * 100));
    const [T, , , R, Sx, F] = fen;
    expect(R + Sx + F).toBe(T);
  });

  it("uses the yueqing-2023 policy passed as a base row", () => {
    expect(funding(Cb, Ci, Ce, A, S, [["base", "yueqing-2023"]])).toEqual([[3_500_000, 850_000, 150_000, 1_000_000, 100_000, 2_400_000, 300]]);
  });
});

describe("RENO.APPROVALPATH", () => {
  it.each([
    [10_000_000, APPROVAL_PATH_TEXTS.merge3.zh],
    [10_000_000.01, APPROVAL_PATH_TEXTS.merge2.zh],
    [20_000_000, APPROVAL_PATH_TEXTS.merge2.zh],
    [20_000_000.01, APPROVAL_PATH_TEXTS.separate.zh],
    [0, APPROVAL_PATH_TEXTS.merge3.zh],
  ])("gives the §6 path for a total of %d (以下 includes the number)", (total, path) => {
    expect(approvalPathFn(total)).toBe(path);
  });

  it("reads the thresholds from the policy", () => {
    expect(approvalPathFn(6_000_000, [["approval.merge3.max", 5_000_000]])).toBe(APPROVAL_PATH_TEXTS.merge2.zh);
  });

  it("refuses a negative total", () => {
    expect(errorMessage(approvalPathFn(-1))).toBe("total：金额不能为负数，实为 -1");
  });
});
