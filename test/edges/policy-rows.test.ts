/**
 * One reader of policy rows (engine `readPolicyRows`) behind the three edges: the same key / value rows
 * on the 政策参数 sheet, in a custom function's `policy` range and in the JSON `policy` member give the
 * same policy — or the same error (code and wording; only the place is named each edge's way).
 */
import { Policy, policyParameters, resolvePolicy } from "../../src/engine";
import { readPolicyArg } from "../../src/functions/policy-arg";
import { CellValue, SheetGrid, readPolicyGrid } from "../../src/workbook";

type Rows = [string, CellValue][];

function viaSheet(rows: Rows) {
  const grid: SheetGrid = { sheet: "政策参数", top: 1, left: 1, values: [["参数", "值", "说明"], ...rows.map(([k, v]) => [k, v, null])] };
  const r = readPolicyGrid(grid);
  return r.ok ? { policy: r.policy } : { errors: r.errors.map((e) => ({ code: e.code, at: e.ref })) };
}

function viaFunction(rows: Rows) {
  const r = readPolicyArg(rows.map(([k, v]) => [k, v]));
  return r.ok ? { policy: r.value } : { errors: [{ code: undefined, at: r.issue.path, zh: r.issue.zh }] };
}

function viaJson(rows: Rows) {
  const spec: Record<string, unknown> = {};
  for (const [k, v] of rows) spec[k] = v;
  const r = resolvePolicy(spec);
  return r.ok ? { policy: r.value } : { errors: r.errors.map((e) => ({ code: e.code, at: e.path, zh: e.zh })) };
}

const view = (p: Policy) => ({ id: p.id, base: p.base, overridden: p.overridden, parameters: policyParameters(p) });

describe("the same policy rows through the sheet, a function and JSON", () => {
  it.each<[string, Rows]>([
    [
      "a blank rate keeps the base's value",
      [
        ["base", "default"],
        ["tier.basic.rate", null],
      ],
    ],
    ["a full-width number is that number", [["cap.perSqm", "２５０"]]],
    [
      "a number typed as text with separators",
      [
        ["approval.merge3.max", "5,000,000"],
        ["grant.hardship-worker", " 1200 "],
      ],
    ],
    [
      "a blank cap is no cap",
      [
        ["base", "yueqing-2023"],
        ["cap.perSqm", ""],
      ],
    ],
    [
      "rows equal to the base are no change",
      [
        ["base", "yueqing-2023"],
        ["relief.low-income", 0],
        ["cap.perSqm", 300],
      ],
    ],
    ["tiers in Chinese", [["relief.tiers", "完善类、提升类、基础类"]]],
    [
      "elevator keys",
      [
        ["elevator.subsidy.mode", "rate"],
        ["elevator.subsidy.rate", "0.4"],
        ["elevator.subsidy.cap", 280000],
        ["elevator.floorCoefficients", "0,0,0.7,0.8,0.9,1.0"],
      ],
    ],
  ])("%s: the same policy", (_name, rows) => {
    const sheet = viaSheet(rows);
    const fn = viaFunction(rows);
    const json = viaJson(rows);
    expect("policy" in sheet && "policy" in fn && "policy" in json).toBe(true);
    if ("policy" in sheet && "policy" in fn && "policy" in json) {
      expect(view(fn.policy!)).toEqual(view(sheet.policy!));
      expect(view(json.policy!)).toEqual(view(sheet.policy!));
    }
  });

  it.each<[string, Rows, string, string]>([
    ["an unknown key", [["cap.persqm", 250]], "policy.unknownKey", "未知的政策参数“cap.persqm”"],
    ["a rate above 1", [["tier.basic.rate", "1.2"]], "rate.range", '比例必须在0到1之间，实为 "1.2"'],
    ["text where a number is expected", [["cap.perSqm", "三百"]], "type.number", '应为数字，实为 "三百"'],
    ["an unknown base", [["base", "beijing"]], "policy.unknownId", "未知的政策“beijing”"],
    ["a tier that is not a tier", [["relief.tiers", "constructor"]], "policy.tiers", "救助适用类别应为"],
    ["a tier named __proto__", [["relief.tiers", "__proto__"]], "policy.tiers", "救助适用类别应为"],
    ["a negative amount", [["grant.hardship-worker", -5]], "amount.negative", "参数不能为负数"],
  ])("%s: the same error", (_name, rows, code, zh) => {
    const sheet = viaSheet(rows);
    const fn = viaFunction(rows);
    const json = viaJson(rows);
    expect("errors" in sheet && sheet.errors![0].code).toBe(code);
    expect("errors" in json && json.errors![0].code).toBe(code);
    // Each edge names the place its own way; the message is the same.
    const sheetText = readPolicyGrid({ sheet: "政策参数", top: 1, left: 1, values: [["参数", "值"], ...rows] });
    expect(!sheetText.ok && sheetText.errors[0].zh).toContain(zh);
    expect("errors" in json && json.errors![0].zh).toContain(zh);
    expect("errors" in fn && fn.errors![0].zh).toContain(zh);
  });

  it("a repeated key is an error at every edge, naming the first place in the edge's own terms", () => {
    const rows: Rows = [
      ["tier.basic.rate", 0.1],
      ["tier.basic.rate", 0.2],
    ];
    const sheet = readPolicyGrid({ sheet: "政策参数", top: 1, left: 1, values: [["参数", "值"], ...rows] });
    expect(!sheet.ok && [sheet.errors[0].ref, sheet.errors[0].zh]).toEqual([
      "政策参数!A3",
      "参数“tier.basic.rate”重复（已在 政策参数!A2 给出），无法确定用哪一个",
    ]);
    const fn = readPolicyArg(rows);
    expect(!fn.ok && fn.issue.zh).toBe("参数“tier.basic.rate”重复（已在 policy 第1行 给出），无法确定用哪一个");
  });
});
