import { Fen, calculate, toOutputJson, fenToYuan } from "../../src/engine";
import { EXAMPLE_INPUT, SheetGrid, readInputs, readPolicyGrid, WorkbookRead, ReadOutcome, locateTable } from "../../src/workbook";
import { SMALL, setCell, templateGrids } from "./helpers";

function expectOk(r: ReadOutcome): WorkbookRead {
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.ref}: ${e.en}`).join("\n"));
  return r;
}
const refs = (r: ReadOutcome) => (r.ok ? [] : r.errors.map((e) => e.ref));

describe("readInputs", () => {
  test("reads the template's example exactly as the engine reads the same JSON, to the fen", () => {
    const r = expectOk(readInputs(templateGrids()));
    const json = calculate(EXAMPLE_INPUT);
    if (!json.ok) throw new Error("example invalid");
    expect(toOutputJson(r.result)).toEqual(toOutputJson(json.value));
    expect(r.stage).toBe("estimate");
    expect(r.result.policy.id).toBe("default");
    // base + the 21 keys of funding-rules §7 and elevator-rules §7; 7 project fields + the 3 optional notice rows
    expect(r.counts).toEqual({ policyRows: 22, projectRows: 10, households: 40, elevators: 2 });
  });

  test("finds household columns by alias in any order and ignores extra columns", () => {
    const households: SheetGrid = {
      sheet: "住户",
      top: 3,
      left: 2,
      values: [
        ["备用", "面积", "户号", "Paid", "救助类别", "姓名"],
        ["x", 88.5, "1-101", 1200, "低保", "王芳"],
        [null, 70, "1-102", null, null, "李强"],
      ],
    };
    const g = templateGrids({ input: { ...SMALL, households: [] } });
    const r = expectOk(readInputs({ ...g, households }));
    expect(r.input.households).toEqual([
      { area: 88.5, id: "1-101", paid: 1200, status: "低保", owner: "王芳" },
      { area: 70, id: "1-102", owner: "李强" },
    ]);
    expect(r.cells.get("households[1].area")?.ref).toBe("住户!C5");
    expect(r.cells.get("households[0].paid")?.ref).toBe("住户!E4");
  });

  test("accepts headers with units, full-width letters and stray spaces", () => {
    const households: SheetGrid = {
      sheet: "住户",
      top: 1,
      left: 1,
      values: [
        [" 房号 ", "建筑面积（m²）", "ＡＲＥＡ"],
        ["1", 50, null],
      ],
    };
    const r = readInputs({ ...templateGrids({ input: SMALL }), households });
    // 建筑面积 and AREA both name the area column: the second is reported, naming both cells.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ ref: "住户!C1", code: "column.duplicate" });
  });

  test("reports every missing required column with the sheet and the header expected", () => {
    const households: SheetGrid = {
      sheet: "住户",
      top: 1,
      left: 1,
      values: [
        ["户主", "备注"],
        ["王芳", "x"],
      ],
    };
    const r = readInputs({ ...templateGrids({ input: SMALL }), households });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.ref, e.code])).toEqual([
      ["住户", "column.missing"],
      ["住户", "column.missing"],
    ]);
    expect(r.errors[0].zh).toContain("缺少列“房号”");
    expect(r.errors[1].zh).toContain("缺少列“建筑面积”");
    expect(r.errors[1].en).toContain('lacks the column "建筑面积"');
  });

  test("reports a missing sheet by name", () => {
    const g = templateGrids({ input: SMALL });
    const r = readInputs({ policy: g.policy, project: g.project });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ ref: "住户", code: "sheet.missing" })]);
  });

  test("lists every bad cell with its Sheet!Cell, not only the first", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.households, "C2", "八十");
    setCell(g.households, "C3", 0);
    setCell(g.households, "F4", "孤寡");
    setCell(g.households, "H3", "maybe");
    setCell(g.project, "C4", -5);
    const r = readInputs(g);
    expect(refs(r)).toEqual(["项目信息!C4", "住户!C2", "住户!C3", "住户!H3", "住户!F4"]);
    if (r.ok) return;
    const c2 = r.errors.find((e) => e.ref === "住户!C2")!;
    expect(c2).toMatchObject({ sheet: "住户", row: 2, col: 3, address: "C2", code: "type.number", found: '"八十"' });
    expect(c2.zh).toBe('应为数字，实为 "八十"');
    expect(r.errors.find((e) => e.ref === "住户!F4")!.code).toBe("status.unknown");
  });

  test("names the first row's cell in a duplicate-id message", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.households, "A4", "1-101");
    const r = readInputs(g);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ ref: "住户!A4", code: "id.duplicate" });
      expect(r.errors[0].zh).toContain("住户!A2");
    }
  });

  test("accepts numbers stored as text with thousands separators, and refuses other text", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.households, "G2", " 1,200.50 ");
    setCell(g.project, "C3", "8,000");
    const r = expectOk(readInputs(g));
    expect(r.input.households![0].paid).toBe(1200.5);
    expect(r.input.project.area).toBe(8000);
    setCell(g.households, "G2", "1.200,50");
    expect(refs(readInputs(g))).toEqual(["住户!G2"]);
  });

  test("skips blank rows and keeps cell references of the rows after them", () => {
    const g = templateGrids({ input: SMALL });
    (g.households.values as unknown[][]).splice(2, 0, [null, "  ", null]);
    setCell(g.households, "C5", -1);
    const r = readInputs(g);
    expect(refs(r)).toEqual(["住户!C5"]);
  });

  test("calculates on 决算 when any settlement cost is filled, and on 概算 for the other stage", () => {
    const g = templateGrids({ input: SMALL, settlement: { "costs.basic": 2100000, "costs.improvement": 1000000 } });
    const r = expectOk(readInputs(g));
    expect(r.stage).toBe("settlement");
    // 决算: enhancement blank = 0; area and social capital fall back to 概算.
    expect(r.input.project).toEqual({ name: "小区", area: 8000, costs: { basic: 2100000, improvement: 1000000 }, socialCapital: 100000 });
    expect(r.cells.get("project.costs.basic")?.ref).toBe("项目信息!D4");
    expect(r.cells.get("project.area")?.ref).toBe("项目信息!C3");
    expect(r.other?.stage).toBe("estimate");
    expect(toOutputJson(r.other!.result).project.totalInvestment).toBe(3500000);
    expect(toOutputJson(r.result).project.totalInvestment).toBe(3100000);
  });

  test("reports the social-capital excess at the cell of the stage used", () => {
    const g = templateGrids({ input: { ...SMALL, project: { ...SMALL.project, socialCapital: 9000000 } } });
    const r = readInputs(g);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.ref, e.code])).toEqual([["项目信息!C7", "funding.socialCapital"]]);
  });

  test("keeps the base policy's id when no policy row changes a value, and reports changes", () => {
    const g = templateGrids({ input: SMALL });
    expect(expectOk(readInputs(g)).result.policy.id).toBe("default");
    // Row 6 is cap.perSqm (header, base, 3 tier rates, cap): blank = no cap.
    expect(g.policy.values[5][0]).toBe("cap.perSqm");
    setCell(g.policy, "B6", null);
    const r = expectOk(readInputs(g));
    expect([r.result.policy.id, r.result.policy.overridden]).toEqual(["custom", ["cap.perSqm"]]);
    expect(r.result.project.subsidyCap).toBeNull();
    expect(toOutputJson(r.result).project.fiscalSubsidy).toBe(2550000);
  });

  test("names the key cell of an unknown policy key and the value cell of a bad value", () => {
    const g = templateGrids({ input: SMALL });
    setCell(g.policy, "A25", "tier.basic.rat");
    setCell(g.policy, "B25", 0.2);
    setCell(g.policy, "B3", 1.5);
    const r = readInputs(g);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => [e.ref, e.code])).toEqual([
        ["政策参数!B3", "rate.range"],
        ["政策参数!A25", "policy.unknownKey"],
      ]);
  });

  test("gives each household its own row in the result, total equal to R to the fen", () => {
    const r = expectOk(readInputs(templateGrids({ input: SMALL })));
    const hs = r.result.households!;
    const sum = hs.reduce((a, h) => a + h.gross, 0);
    expect(fenToYuan(sum as Fen)).toBe(1000000);
    expect(r.householdRows).toEqual([2, 3, 4]);
  });
});

describe("locateTable", () => {
  test("finds the header row below a title and stops at the last filled row", () => {
    const values = [["住户名单（2024）"], [], ["房号", "建筑面积"], ["1", 50], ["2", 60], [null, null], []];
    const g = locateTable("住户", "households", values);
    expect(g.top).toBe(3);
    expect(g.values).toEqual([
      ["房号", "建筑面积"],
      ["1", 50],
      ["2", 60],
    ]);
  });
});

describe("readPolicyGrid", () => {
  const grid = (rows: SheetGrid["values"]): SheetGrid => ({ sheet: "政策参数", top: 1, left: 1, values: [["参数", "值", "说明"], ...rows] });

  it("reads the sheet alone, reporting a changed key as custom", () => {
    const r = readPolicyGrid(
      grid([
        ["base", "yueqing-2023", null],
        ["cap.perSqm", 250, null],
      ]),
    );
    expect(r.ok && [r.policy.id, r.policy.base, r.policy.capPerSqm?.toString()]).toEqual(["custom", "yueqing-2023", "250"]);
  });

  it("is the default policy when there is no sheet", () => {
    const r = readPolicyGrid(undefined);
    expect(r.ok && r.policy.id).toBe("default");
  });

  it("names the cell of an unknown key", () => {
    const r = readPolicyGrid(
      grid([
        ["base", "default", null],
        ["cap.persqm", 250, null],
      ]),
    );
    expect(!r.ok && r.errors.map((e) => e.ref)).toEqual(["政策参数!A3"]);
  });
});
