/**
 * The elevator part of 资金汇总, 计算说明, 公示, 缴费通知单 and 项目汇总 (issue 13, phase 2), on the worked
 * example of elevator-rules.md §8 — every figure hand-checked there:
 *   G = min(round(0.4 × 650,000), 280,000, 650,000) = 260,000.00
 *   P = 650,000 − 260,000 − 30,000 − 0 = 360,000.00
 *   shares by floor: 1–2 0.00; 3 37,058.82; 4 42,352.94; 5 47,647.06; 6 52,941.18 (two households each).
 */
import { CalcResult, calculate } from "../../src/engine";
import { SheetData, WorkbookRead, buildAuditSheet, buildNoticeSheet, buildProgrammeSheet, buildPublicitySheet, buildSummarySheet } from "../../src/workbook";

const POLICY = {
  base: "default",
  "elevator.subsidy.mode": "rate",
  "elevator.subsidy.rate": 0.4,
  "elevator.subsidy.cap": 280000,
  "elevator.floorCoefficients": "0,0,0.7,0.8,0.9,1.0",
};
const households: Record<string, unknown>[] = [];
for (let f = 1; f <= 6; f++)
  for (let j = 1; j <= 2; j++)
    households.push({ id: `1-${f}0${j}`, area: 80, unit: "1幢1单元", floor: f, ...(f === 6 && j === 1 ? { elevatorPaid: 60000 } : {}) });
// One household of another building without an elevator: no elevator part for it.
households.push({ id: "2-101", area: 80 });
const input = {
  policy: POLICY,
  project: { name: "电梯示例", area: 1040, costs: { basic: 100000 }, elevatorCost: 650000 },
  households,
  elevators: [{ unit: "1幢1单元", storeys: 6, cost: 650000, maintenanceFund: 30000 }],
};
const calc = calculate(input);
if (!calc.ok) throw new Error(calc.errors[0].en);
const result: CalcResult = calc.value;
const SHARES = [0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18];

const cell = (s: SheetData, label: string, col = 1) => s.values.find((r) => r[0] === label)?.[col];

describe("the elevator part of the output sheets (elevator-rules.md §8)", () => {
  it("资金汇总: ΣE, ΣG, ΣM, ΣP, outstanding, with ΣE checked against 加装电梯费用", () => {
    const s = buildSummarySheet(result, "estimate");
    expect(cell(s, "电梯造价合计 ΣE（不计入总投资）")).toBe(650000);
    expect(String(s.values.find((r) => r[0] === "电梯造价合计 ΣE（不计入总投资）")![2])).toContain("等于项目信息");
    expect(cell(s, "电梯政府补助合计 ΣG")).toBe(260000);
    expect(cell(s, "电梯维修资金合计 ΣM")).toBe(30000);
    expect(cell(s, "电梯业主分摊合计 ΣP = ΣE - ΣG - ΣM - ΣO")).toBe(360000);
    // Paid 60,000 by one floor-6 household that owes 52,941.18: collected 52,941.18; outstanding 360,000 − 52,941.18.
    expect(cell(s, "电梯已缴合计")).toBe(60000);
    expect(cell(s, "电梯未到位")).toBe(307058.82);
  });

  it("计算说明: the subsidy with its formula, P, the split and ΣE", () => {
    const s = buildAuditSheet(result, {
      time: new Date(2026, 10, 30),
      version: "test",
      stage: "estimate",
      rowCounts: { policyRows: 0, projectRows: 0, households: 13 },
    });
    const row = (step: string) => s.values.find((r) => r.some((c) => c === step));
    const g = row("电梯§2 补助·1幢1单元")!;
    expect(g).toContain(260000);
    expect(g.join(" ")).toContain("min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)");
    expect(row("电梯§3 业主分摊·1幢1单元")).toContain(360000);
    expect(row("电梯§3 业主分摊·1幢1单元")!.join(" ")).toContain("650,000.00 - 260,000.00 - 30,000.00 - 0.00");
    expect(row("电梯§4 分摊·1幢1单元")).toContain(360000);
    expect(row("电梯§6 造价合计")).toContain(650000);
  });

  it("公示: each household's elevator share, a dash where it shares none, the total equal to P", () => {
    const r = buildPublicitySheet(result, { start: { year: 2026, month: 11, day: 2 } });
    if (!r.ok) throw new Error(r.zh);
    const s = r.sheet;
    const h = s.values.findIndex((x) => x[0] === "序号");
    const col = s.values[h].indexOf("电梯分摊");
    expect(col).toBeGreaterThan(0);
    expect(s.values.slice(h + 1, h + 14).map((x) => x[col])).toEqual([...SHARES, "—"]);
    expect(s.values[h + 14][col]).toBe(360000);
    // No names or statuses on 公示.
    expect(s.values[h]).not.toContain("户主");
  });

  it("缴费通知单: the household's elevator due and 补缴 / 退还, one line across the notice; 不涉及 outside the unit", () => {
    const r = buildNoticeSheet(result, { perPage: 2, stage: "estimate", date: { year: 2026, month: 11, day: 30 } });
    if (!r.ok) throw new Error(r.zh);
    const rows = r.sheet.values.filter((x) => x[0] === "加装电梯").map((x) => x[1]);
    // 13 households: the unit's 12, then one outside it. 1-601 owes 52,941.18 and paid 60,000 → 7,058.82 back.
    expect(rows).toHaveLength(13);
    expect(rows[10]).toBe("应缴 52,941.18；退还 7,058.82");
    expect(rows[11]).toBe("应缴 52,941.18；补缴 52,941.18");
    expect(rows[0]).toBe("应缴 0.00；已结清");
    expect(rows[12]).toBe("不涉及");
  });

  it("项目汇总: elevators, owners' part and outstanding per project and in total", () => {
    const read = { ok: true, stage: "estimate", result } as unknown as WorkbookRead;
    const s = buildProgrammeSheet([{ file: "e.xlsx", ok: true, read }]);
    const h = s.values.findIndex((x) => x[0] === "序号");
    const col = (name: string) => s.values[h].indexOf(name);
    expect([col("电梯台数"), col("电梯业主分摊"), col("电梯未到位")].every((c) => c > 0)).toBe(true);
    const row = s.values[h + 1];
    expect([row[col("电梯台数")], row[col("电梯业主分摊")], row[col("电梯未到位")]]).toEqual([1, 360000, 307058.82]);
    const total = s.values[h + 2];
    expect([total[col("电梯台数")], total[col("电梯业主分摊")], total[col("电梯未到位")]]).toEqual([1, 360000, 307058.82]);
  });
});
