/** The `policy` argument (funding-rules.md §7): an id, a key / value range, or nothing. */
import { readPolicyArg } from "../../src/functions/policy-arg";
import { issueText } from "../../src/functions/issues";

function policyOf(value: unknown) {
  const r = readPolicyArg(value);
  if (!r.ok) throw new Error(issueText(r.issue));
  return r.value;
}

function messageOf(value: unknown): string {
  const r = readPolicyArg(value);
  if (r.ok) throw new Error("expected an error");
  return issueText(r.issue);
}

describe("the policy argument", () => {
  it.each([
    ["omitted (null)", null, "default"],
    ["omitted (undefined)", undefined, "default"],
    ["an empty cell", [[null]], "default"],
    ["an empty text cell", [[""]], "default"],
    ["an id typed as text", [["yueqing-2023"]], "yueqing-2023"],
    ["an id with spaces around it", [["  default "]], "default"],
  ])("%s → %s", (_name, value, id) => {
    expect(policyOf(value).id).toBe(id);
  });

  it("reads key / value rows with a base row; the result is a custom policy", () => {
    const p = policyOf([
      ["base", "yueqing-2023"],
      ["cap.perSqm", 250],
      ["relief.tiers", "完善类、提升类"],
    ]);
    expect(p.id).toBe("custom");
    expect(p.base).toBe("yueqing-2023");
    expect(p.capPerSqm?.toString()).toBe("250");
    expect(p.reliefTiers).toEqual(["improvement", "enhancement"]);
    expect(p.reliefRates["low-income"].toString()).toBe("0");
  });

  it("accepts the 政策参数 sheet's three columns with a header row, skipping blank rows", () => {
    const p = policyOf([
      ["参数", "值", "说明"],
      ["base", "default", "内置政策"],
      ["", "", ""],
      ["grant.hardship-worker", 1500, "送温暖"],
    ]);
    expect(p.grantHardshipWorker.toString()).toBe("1500");
  });

  it("reads a blank cap as no cap", () => {
    expect(policyOf([["cap.perSqm", null]]).capPerSqm).toBeNull();
  });

  it.each([
    ["an unknown id", [["yueqing"]], "policy：未知的政策“yueqing”，可用：default, yueqing-2023"],
    ["a number as id", [[5]], "policy：未知的政策“5”，可用：default, yueqing-2023"],
    [
      "an unknown base",
      [
        ["cap.perSqm", 1],
        ["base", "beijing"],
      ],
      "policy 第2行：未知的政策“beijing”，可用：default, yueqing-2023",
    ],
    [
      "a rate above 1",
      [
        ["tier.basic.rate", 0.1],
        ["tier.enhancement.rate", 7],
      ],
      "policy 第2行：比例必须在0到1之间，实为 7",
    ],
    ["a rate given as text", [["tier.basic.rate", "10%"]], 'policy 第1行：应为数字，实为 "10%"'],
    [
      "a repeated key",
      [
        ["tier.basic.rate", 0.1],
        ["tier.basic.rate", 0.2],
      ],
      "policy 第2行：参数“tier.basic.rate”重复（已在 policy 第1行 给出），无法确定用哪一个",
    ],
    ["a value without a key", [["", 0.2]], "policy 第1行：参数名为空，但该行填写了值"],
    ["one column of several rows", [["default"], ["x"]], "policy：应为政策编号（default、yueqing-2023）或“参数、值”两列区域，实为 2 行 × 1 列"],
    ["four columns", [["a", 1, 2, 3]], "policy：应为政策编号（default、yueqing-2023）或“参数、值”两列区域，实为 1 行 × 4 列"],
  ])("names the row of %s", (_name, value, message) => {
    expect(messageOf(value)).toBe(message);
  });

  it("names an unknown key and its row (a typo never falls back to a default)", () => {
    expect(
      messageOf([
        ["base", "default"],
        ["cap.persqm", 200],
      ]),
    ).toMatch(/^policy 第2行：未知的政策参数“cap\.persqm”，可用：base, tier\.basic\.rate/);
  });
});
