/**
 * 缴费通知 (notice-sheet.ts): one notice per household with its own amounts, 2 or 4 to an A4 page, a
 * page break after each page, the optional 项目信息 rows read by the reader — and never a hardship
 * category or a relief rate on paper.
 */
import { toOutputJson } from "../../src/engine";
import { CellValue, NOTICE_SHEET, SheetData, buildNoticeSheet, buildNotices, readInputs } from "../../src/workbook";
import { SMALL, setCell, templateGrids } from "./helpers";

const DATE = { year: 2026, month: 11, day: 30 };

function read(edit?: (g: ReturnType<typeof templateGrids>) => void) {
  const g = templateGrids({ input: SMALL });
  edit?.(g);
  const r = readInputs(g);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.ref} ${e.en}`).join("; "));
  return r;
}

/** The label → value pairs of the notice whose 房号 is `id` (labels in even columns of its block). */
function noticeOf(s: SheetData, id: string): Map<string, CellValue> {
  const at = s.values.findIndex((r) => r.includes(id));
  const col = s.values[at].indexOf(id) - 1;
  const start = at - 2;
  const out = new Map<string, CellValue>();
  for (let r = start; r < start + 14 && r < s.values.length; r++) {
    const row = s.values[r];
    if (typeof row[col] === "string") out.set(row[col] as string, row[col + 1]);
    if (typeof row[col + 2] === "string") out.set(row[col + 2] as string, row[col + 3]);
  }
  return out;
}

describe("buildNoticeSheet", () => {
  test("gives each household its own share, relief, grant, amount due, paid and balance", () => {
    const r = read();
    const j = toOutputJson(r.result);
    const out = buildNoticeSheet(r.result, { stage: r.stage, date: DATE, info: r.notice });
    if (!out.ok) throw new Error(out.zh);
    expect(out.sheet.name).toBe(NOTICE_SHEET);
    expect(out.notices).toBe(3);
    SMALL.households.forEach((h, i) => {
      const n = noticeOf(out.sheet, h.id);
      const e = j.households![i];
      expect(n.get("户主")).toBe(h.owner);
      expect(n.get("建筑面积")).toBe(h.area);
      expect([n.get("基础类分摊"), n.get("完善类分摊"), n.get("提升类分摊"), n.get("应分摊合计")]).toEqual([
        e.byTier.basic,
        e.byTier.improvement,
        e.byTier.enhancement,
        e.gross,
      ]);
      expect([n.get("临时救助"), n.get("送温暖补助"), n.get("应缴金额"), n.get("已缴金额")]).toEqual([e.relief, e.grant, e.net, e.paid]);
      // 补缴 / 退还 as a positive amount under its own label.
      const label = e.balance > 0 ? "应补缴金额" : e.balance < 0 ? "应退还金额" : "结清情况";
      expect(n.get(label)).toBe(e.balance === 0 ? "已结清" : Math.abs(e.balance));
    });
  });

  test("never prints a hardship category or a relief rate", () => {
    const r = read();
    const out = buildNoticeSheet(r.result, { stage: r.stage, date: DATE, perPage: 4 });
    if (!out.ok) throw new Error(out.zh);
    const text = JSON.stringify(out.sheet.values);
    for (const secret of ["低保", "特困", "计生", "残疾", "生活困难职工", "70%", "救助比例"]) expect(text).not.toContain(secret);
    expect(out.sheet.values.flat()).not.toContain(0.7);
    // The relief itself is there, as an amount (1-101 is a 低保户: 70% of its 完善类 + 提升类 shares).
    expect(noticeOf(out.sheet, "1-101").get("临时救助")).toBe(toOutputJson(r.result).households![0].relief);
  });

  test("prints the payment rows of 项目信息, and leaves a line to write on where one is blank", () => {
    const r = read((g) => {
      // 项目信息 rows 9–11 (概算 column C): 缴费账户或地点, 缴费截止日期, 经办人及联系电话.
      setCell(g.project, "C9", "社区服务中心一楼");
      setCell(g.project, "D11", "王晓明 0577-61234567"); // in the 决算 column: read too
      setCell(g.project, "C10", new Date(Date.UTC(2026, 11, 31)));
    });
    expect(r.notice).toEqual({ payment: "社区服务中心一楼", deadline: "2026年12月31日", contact: "王晓明 0577-61234567" });
    const out = buildNotices(r, { time: new Date(2026, 10, 30) });
    if (!out.ok) throw new Error(out.zh);
    const n = noticeOf(out.sheet, "1-102");
    expect([n.get("缴费方式"), n.get("截止日期"), n.get("经办人")]).toEqual(["社区服务中心一楼", "2026年12月31日", "王晓明 0577-61234567"]);
    const blank = buildNotices(read(), { time: new Date(2026, 10, 30) });
    if (!blank.ok) throw new Error(blank.zh);
    expect(noticeOf(blank.sheet, "1-102").get("缴费方式")).toBe("");
  });

  test("puts 2 or 4 notices on a page: a page break after each page, dashed cut lines between", () => {
    const many = { ...SMALL, households: Array.from({ length: 9 }, (_, i) => ({ ...SMALL.households[i % 3], id: `1-${101 + i}` })) };
    const r = (() => {
      const x = readInputs(templateGrids({ input: many }));
      if (!x.ok) throw new Error("fixture");
      return x;
    })();
    for (const [perPage, pages] of [
      [2, 5],
      [4, 3],
    ] as const) {
      const out = buildNoticeSheet(r.result, { stage: r.stage, date: DATE, perPage });
      if (!out.ok) throw new Error(out.zh);
      // 9 notices: ⌈9 / 2⌉ = 5 pages, ⌈9 / 4⌉ = 3 pages → one break fewer than pages.
      expect([perPage, out.sheet.print!.rowBreaks!.length]).toEqual([perPage, pages - 1]);
      expect(out.sheet.styles!.some((s) => s.border?.line === "dashed")).toBe(true);
      expect(out.sheet.print!.orientation).toBe("portrait");
      // Each page's rows fit its printable height (0.6 in margins): the heights between breaks.
      const heights = new Map(out.sheet.rowHeights!.map((h) => [h.row, h.height]));
      const bounds = [0, ...out.sheet.print!.rowBreaks!, out.sheet.values.length];
      for (let p = 1; p < bounds.length; p++) {
        let sum = 0;
        for (let row = bounds[p - 1] + 1; row <= bounds[p]; row++) sum += heights.get(row) ?? 15;
        expect(sum).toBeLessThanOrEqual(841.89 - 2 * 0.6 * 72);
      }
    }
    expect(out4Columns(r)).toBe(10);
  });

  test("refuses a project without households, and texts too long for four to a page", () => {
    const none = readInputs(templateGrids({ input: { ...SMALL, households: [] } }));
    if (!none.ok) throw new Error("fixture");
    const empty = buildNoticeSheet(none.result, { stage: "estimate", date: DATE });
    expect(empty.ok === false && empty.zh).toBe("住户表为空，没有可生成缴费通知单的住户");
    const r = read();
    const long = "很长的缴费说明".repeat(40);
    const four = buildNoticeSheet(r.result, { stage: r.stage, date: DATE, perPage: 4, info: { payment: long } });
    expect(four.ok === false && four.zh).toContain("每页 4 份放不下");
  });
});

/** Columns of the 4-up sheet: two notices of 4 columns and a gutter of 2. */
function out4Columns(r: ReturnType<typeof read>): number {
  const out = buildNoticeSheet(r.result, { stage: r.stage, date: DATE, perPage: 4 });
  if (!out.ok) throw new Error(out.zh);
  return out.sheet.columnWidths!.length;
}
