/**
 * Paper with exceljs (src/xlsx/print.ts): every cell carries a named font (a bold cell whose font had no
 * name printed in a serif), cells that look alike share a style, and the page setup reaches the file.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { SheetGrid, buildOutputSheets, buildProgrammeSheet, buildTemplate, readInputs } from "../../src/workbook";
import { workbookBytes, writeSheet } from "../../src/xlsx";

function read(households = 40) {
  const t = buildTemplate({ example: true });
  const g = (i: number): SheetGrid => ({ sheet: t.sheets[i].name, top: 1, left: 1, values: t.sheets[i].values.map((r) => [...r]) });
  const hh = g(2);
  const rows = hh.values as unknown[][];
  while (rows.length - 1 < households) rows.push([...rows[1 + ((rows.length - 1) % 40)]].map((v, c) => (c === 0 ? `9-${rows.length}` : v)));
  const r = readInputs({ policy: g(0), project: g(1), households: hh, elevators: g(3) });
  if (!r.ok) throw new Error(r.errors[0].en);
  return r;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ book: ExcelJS.Workbook; zip: JSZip }> {
  const bytes = await workbookBytes(wb);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { book, zip: await JSZip.loadAsync(bytes) };
}

describe("print.ts", () => {
  test("gives every cell with a value a named font, bold ones included", async () => {
    const wb = new ExcelJS.Workbook();
    for (const s of buildOutputSheets(read(), { time: new Date(2026, 10, 30), version: "t" })) writeSheet(wb, s);
    const { book } = await roundTrip(wb);
    const missing: string[] = [];
    let bold = 0;
    book.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === null) return;
          if (cell.font?.name !== "等线") missing.push(`${ws.name}!${cell.address}`);
          if (cell.font?.bold === true) bold++;
        }),
      ),
    );
    expect(missing).toEqual([]);
    expect(bold).toBeGreaterThan(50);
  });

  test("shares styles: 2,000 households take a handful of cell formats", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheet(wb, buildOutputSheets(read(2000), { time: new Date(2026, 10, 30), version: "t" })[0]);
    const { zip } = await roundTrip(wb);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
    expect(xfs).toBeLessThan(40);
  });

  test("writes A4, orientation, margins, repeated rows and columns, header and footer, print order", async () => {
    const wb = new ExcelJS.Workbook();
    writeSheet(wb, buildProgrammeSheet([{ file: "a.xlsx", ok: true, read: read() }], { time: new Date(2026, 10, 30) }));
    const { book, zip } = await roundTrip(wb);
    const ws = book.getWorksheet("项目汇总")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 2,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "1:4",
      printTitlesColumn: "A:C",
      pageOrder: "overThenDown",
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    });
    expect(ws.headerFooter.oddFooter).toBe('&C&"等线,Regular"&10第 &P 页 共 &N 页');
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('<mergeCell ref="A1:C1"/>');
    // The table on paper: a light style under our shading and grid lines.
    expect(await zip.file("xl/tables/table1.xml")!.async("string")).toContain('name="TableStyleLight1"');
  });
});
