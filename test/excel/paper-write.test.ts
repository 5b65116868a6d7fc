/**
 * Paper through Office.js (src/excel/office-write.ts decorate()): the same sheet as the .xlsx writer
 * gets — one font for every cell, cell styles, row heights, merged titles, page setup — each part
 * applied only where the host's requirement set has it (the fake fails a sync on an API above its set).
 */
import { ExcelHost, PortFeatures, createOfficePort } from "../../src/excel/office-port";
import { buildNotices, buildOutputSheets, readInputs } from "../../src/workbook";
import { createFakeOffice } from "./fake-excel";
import { detectFeatures } from "../../src/excel/environment";
import { templateGrids } from "../workbook/helpers";

const FIXED = new Date(2026, 10, 30, 10, 0, 0);

function read() {
  const r = readInputs(templateGrids());
  if (!r.ok) throw new Error(r.errors[0].en);
  return r;
}

/** The features the pane detects (src/excel/environment.ts) on a host that reports ExcelApi 1.1 … 1.minor. */
const featuresOf = (minor: number): PortFeatures => detectFeatures((name, v) => name === "ExcelApi" && Number(v.split(".")[1]) <= minor);

/** Requirement sets of the hosts users have: Excel 2016 (1.1), Excel 2019 (1.8), Excel 2021+ (≥ 1.9). */
const HOSTS: Record<string, { minor: number; features: PortFeatures }> = {
  "Excel 2016 (ExcelApi 1.1)": { minor: 1, features: featuresOf(1) },
  "Excel 2019 (ExcelApi 1.8)": { minor: 8, features: featuresOf(8) },
  "Excel 2021 (ExcelApi 1.14)": { minor: 14, features: featuresOf(14) },
};

async function write(host: keyof typeof HOSTS) {
  const { minor, features } = HOSTS[host];
  const fake = createFakeOffice({ excelApiMinor: minor });
  const port = createOfficePort(fake.Excel as unknown as ExcelHost, features);
  const sheets = buildOutputSheets(read(), { time: FIXED, version: "test" });
  await port.replaceSheets(sheets);
  return { wb: fake.workbook, sheets };
}

describe("paper through Office.js", () => {
  test.each(Object.keys(HOSTS))("on %s: one font for every cell, bold header and total rows, the sheet written", async (host) => {
    const { wb, sheets } = await write(host);
    for (const s of sheets) {
      const f = wb.sheet(s.name)!.formatting;
      expect(f.filter((x) => x.key === "font.name").map((x) => x.value)).toEqual(["等线"]);
      expect(f.filter((x) => x.key === "font.size").map((x) => x.value)[0]).toBe(10);
      // Titles at 14 pt, headers shaded, tables ruled: all ExcelApi 1.1.
      expect(f).toContainEqual({ address: expect.stringMatching(/^A1:/), key: "font.size", value: 14 });
      expect(f.some((x) => x.key === "border.InsideHorizontal.style" && x.value === "Continuous")).toBe(true);
    }
    expect(wb.cell("测算结果", "A3")).toBe("房号");
  });

  test("Excel 2016 (ExcelApi 1.1): no merges, row heights or page layout, and titles not centred over a single cell", async () => {
    const { wb } = await write("Excel 2016 (ExcelApi 1.1)");
    const s = wb.sheet("计算说明")!;
    expect(s.merges).toEqual([]);
    expect(s.rowHeights.size).toBe(0);
    expect(s.pageLayout).toEqual({});
    expect(s.formatting.filter((x) => x.address.startsWith("A1:") && x.key === "horizontalAlignment")).toEqual([]);
    expect(wb.tables.find((t) => t.name === "ResultTable")!.style).toBe("TableStyleLight1");
  });

  test("Excel 2019 (ExcelApi 1.8): merged titles and row heights, no page layout or indent", async () => {
    const { wb, sheets } = await write("Excel 2019 (ExcelApi 1.8)");
    const audit = sheets.find((s) => s.name === "计算说明")!;
    const s = wb.sheet("计算说明")!;
    expect(s.merges).toEqual(audit.merges);
    expect([...s.rowHeights.entries()]).toEqual(audit.rowHeights!.map((h) => [h.row, h.height]));
    expect(s.pageLayout).toEqual({});
    expect(s.formatting.some((x) => x.key === "indentLevel")).toBe(false);
  });

  test("Excel 2021 (ExcelApi 1.9+): A4, orientation, margins, centring, repeated rows, header and footer", async () => {
    const { wb } = await write("Excel 2021 (ExcelApi 1.14)");
    expect(wb.sheet("计算说明")!.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: "$1:$3",
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 54,
      bottomMargin: 54,
      headerMargin: 21.6,
      footerMargin: 21.6,
      centerHorizontally: true,
      leftHeader: '&"等线,Regular"&10&A',
      rightHeader: '&"等线,Regular"&10&F',
      centerFooter: '&"等线,Regular"&10第 &P 页 共 &N 页',
    });
    // The 依据 column is indented off the amounts before it (indent level: ExcelApi 1.9).
    expect(wb.sheet("资金汇总")!.formatting).toContainEqual({ address: expect.stringMatching(/^C\d+:C\d+$/), key: "indentLevel", value: 1 });
  });

  test("缴费通知 on ExcelApi 1.9: a page break after each page's notices", async () => {
    const fake = createFakeOffice({ excelApiMinor: 14 });
    const port = createOfficePort(fake.Excel as unknown as ExcelHost, HOSTS["Excel 2021 (ExcelApi 1.14)"].features);
    const n = buildNotices(read(), { time: FIXED, perPage: 2 });
    if (!n.ok) throw new Error(n.zh);
    await port.replaceSheets([n.sheet]);
    // 40 households, 2 to a page: 20 pages, 19 breaks, each above the first row of the next page.
    const breaks = fake.workbook.sheet("缴费通知")!.pageBreaks;
    expect(breaks).toHaveLength(19);
    expect(breaks).toEqual(n.sheet.print!.rowBreaks!.map((r) => `A${r + 1}`));
  });
});
