/**
 * Paper layout (src/workbook/sheets/paper.ts): the text-width estimates, wrapping, the displayed text of
 * a cell, and every sheet's width on A4 — each output sheet and template sheet fits its page at 100%
 * (no text below 9 pt), with one font, the header and footer, and its title rows repeated.
 * test/paper/ checks the same on LibreOffice's PDF.
 */
import {
  EXAMPLE_INPUT,
  MIN_PRINT_PT,
  PAPER_FONT,
  SheetData,
  buildNotices,
  buildOutputSheets,
  buildProgrammeSheet,
  buildPublicitySheet,
  buildTemplate,
  displayText,
  fitScale,
  printableWidth,
  readInputs,
  textWidth,
  unitsFor,
  wrappedLines,
} from "../../src/workbook";
import { templateGrids } from "./helpers";

function read(settled = false) {
  const r = readInputs(
    templateGrids({
      example: true,
      settlement: settled ? { "costs.basic": 830000.5, "costs.improvement": 455000, "costs.enhancement": 180000 } : undefined,
    }),
  );
  if (!r.ok) throw new Error(r.errors[0].en);
  return r;
}

/** Every sheet a user can print: outputs (one and both stages), 公示, notices, the programme, the template. */
function allSheets(): SheetData[] {
  const time = new Date(2026, 10, 30, 9, 0, 0);
  const out: SheetData[] = [];
  for (const settled of [false, true]) {
    const r = read(settled);
    out.push(...buildOutputSheets(r, { time, version: "reno-funding 0.1.0（命令行）", source: "虹桥新村.xlsx", sourceSha256: "f".repeat(64) }));
    const pub = buildPublicitySheet(r.result, { start: { year: 2026, month: 9, day: 28 }, publisher: "虹桥社区居民委员会" });
    if (pub.ok) out.push(pub.sheet);
    for (const perPage of [2, 4] as const) {
      const n = buildNotices(
        {
          ...r,
          notice: {
            payment: "乐清市农商银行城东支行 户名：虹桥社区居民委员会 账号 2010 0001 2345 6789",
            deadline: "2026年12月31日",
            contact: "王晓明 0577-6123 4567",
          },
        },
        { time, perPage },
      );
      if (n.ok) out.push(n.sheet);
    }
  }
  out.push(buildProgrammeSheet([{ file: "虹桥新村.xlsx", ok: true, read: read() }], { time }));
  out.push(...buildTemplate({ example: true }).sheets, ...buildTemplate().sheets);
  return out;
}

describe("text widths", () => {
  test("count a Chinese character as 1 em and digits as 0.6 em", () => {
    // Ten characters at 10 pt: 100 pt; "1,234.50": six digits (36 pt) and two separators (6 pt).
    expect(textWidth("老旧小区改造资金测算", 10)).toBe(100);
    expect(textWidth("1,234.50", 10)).toBeCloseTo(42, 6);
    // A Chinese character ≈ 2 Latin widths (brief): 1 em against 0.54 em for a lower-case letter.
    expect(textWidth("测", 10) / textWidth("a", 10)).toBeCloseTo(1.85, 2);
    // Column units (Excel's 5.25 pt) include 6 pt of cell padding: (100 + 6) / 5.25.
    expect(unitsFor("老旧小区改造资金测算")).toBeCloseTo(106 / 5.25, 6);
  });

  test("wrap Chinese text between characters and keep closing punctuation with its character", () => {
    // 10 characters of 10 pt in a column of 8 units (42 pt − 6 pt padding = 36 pt): 3 per line → 4 lines.
    expect(wrappedLines("老旧小区改造资金测算", 8)).toBe(4);
    expect(wrappedLines("一行", 8)).toBe(1);
    expect(wrappedLines("第一行\n第二行", 20)).toBe(2);
    // "，" never starts a line: in 34 pt (3 characters), "甲乙丙，丁戊" breaks as 甲乙 / 丙，丁 / 戊, not 甲乙丙 / ，丁戊.
    expect(wrappedLines("甲乙丙，丁戊", 8)).toBe(3);
  });

  test("show a cell as Excel does under our number formats", () => {
    expect(displayText(1234567.5, "#,##0.00")).toBe("1,234,567.50");
    expect(displayText(-704.95, "#,##0.00")).toBe("-704.95");
    expect(displayText(0.6132, "0.00%")).toBe("61.32%");
    expect(displayText(0.7, "0%")).toBe("70%");
    expect(displayText(12197, "#,##0")).toBe("12,197");
    expect(displayText("1-101", "@")).toBe("1-101");
    expect(displayText(null, "General")).toBe("");
    expect(displayText(62.35, '#,##0.00" m²"')).toBe("62.35 m²");
    // Sections positive;negative;zero (the elevator line of a notice): no minus sign in the negative one.
    const settle = '"补缴 "#,##0.00;"退还 "#,##0.00;"已结清"';
    expect([1234.5, -7058.82, 0].map((v) => displayText(v, settle))).toEqual(["补缴 1,234.50", "退还 7,058.82", "已结清"]);
  });
});

describe("every printable sheet on A4", () => {
  const sheets = allSheets();

  test("fits its page at 100%: fit-to-width never shrinks text below 9 pt", () => {
    const scales = sheets.map((s) => [s.name, fitScale(s) * PAPER_FONT.size >= MIN_PRINT_PT, fitScale(s)]);
    expect(scales.filter(([, ok]) => !ok)).toEqual([]);
    // Only 项目汇总 needs two pages side by side; every other sheet is one page wide.
    for (const s of sheets) {
      const total = s.columnWidths!.reduce((a, w) => a + w, 0) * 5.55;
      if (s.print!.fitToWidth === 1) expect([s.name, total <= printableWidth(s.print!.orientation) + 0.01]).toEqual([s.name, true]);
    }
  });

  test("has one font, A4, margins, the page header (sheet, file) and footer (第 &P 页 共 &N 页)", () => {
    for (const s of sheets) {
      expect([s.name, s.font]).toEqual([s.name, { name: "等线", size: 10 }]);
      expect(s.print).toMatchObject({ paperSize: "A4", margins: expect.any(Object) });
      expect(s.print!.header).toEqual({ left: '&"等线,Regular"&10&A', right: '&"等线,Regular"&10&F' });
      expect(s.print!.footer).toEqual({ center: '&"等线,Regular"&10第 &P 页 共 &N 页' });
      // Nothing smaller than 9 pt is asked for.
      for (const st of s.styles ?? []) if (st.size !== undefined) expect(st.size).toBeGreaterThanOrEqual(MIN_PRINT_PT);
    }
  });

  test("repeats its title block and table header on every page (notices excepted: each page is whole)", () => {
    // 电梯分摊: its long per-household listing's heading and header, not the short per-elevator table above it.
    for (const s of sheets.filter((x) => x.name === "电梯分摊" && x.values.length > 5)) {
      const first = s.values.findIndex((r) => String(r[0]).startsWith("二、各户分摊")) + 1;
      expect(s.print!.titleRows).toEqual({ first, last: first + 1 });
      expect(s.values[first].slice(0, 3)).toEqual(["单元", "楼层", "房号"]);
    }
    for (const s of sheets.filter((x) => x.name !== "缴费通知" && x.name !== "电梯分摊")) {
      expect([s.name, s.print!.titleRows?.first]).toEqual([s.name, 1]);
      if (s.table !== undefined) expect([s.name, s.print!.titleRows!.last]).toEqual([s.name, s.table.top]);
    }
  });

  test("gives a wrapped row the height of its lines", () => {
    const audit = sheets.find((s) => s.name === "计算说明")!;
    const r = audit.values.findIndex((x) => typeof x[0] === "string" && x[0].startsWith("居民自筹按类别拆分"));
    const h = audit.rowHeights!.find((x) => x.row === r + 1)!.height;
    // The note spans the five columns; several lines of 13.5 pt.
    expect(h).toBeGreaterThanOrEqual(2 * 13.5 + 4);
  });

  test("prints the example's 40 households on the template's 住户 sheet landscape, 房号 repeated", () => {
    const households = buildTemplate({ example: true }).sheets[2];
    expect(households.values).toHaveLength(EXAMPLE_INPUT.households!.length + 1);
    expect(households.print).toMatchObject({ orientation: "landscape", titleRows: { first: 1, last: 1 } });
  });
});
