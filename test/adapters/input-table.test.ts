/**
 * One fixture suite, two adapters: each workbook below is built once as plain data, then read by the
 * command line's exceljs reader (from real .xlsx bytes) and by the task pane's Office.js port (on the
 * fake Excel). Both follow src/workbook/input-table.ts, so both must find the same grid.
 */
import ExcelJS from "exceljs";
import { ExcelHost, PortFeatures, createOfficePort } from "../../src/excel/office-port";
import { CellValue, InputKind, SheetGrid } from "../../src/workbook";
import { inputGrids, loadWorkbook } from "../../src/xlsx";
import { createFakeOffice } from "../excel/fake-excel";

interface TableFixture {
  name: string;
  /** 1-based top-left of the header row. */
  top: number;
  left: number;
  columns: string[];
  rows: CellValue[][];
  totals?: CellValue[];
}

interface Fixture {
  /** Cells by sheet, row 1 first (null = blank). */
  sheets: Record<string, CellValue[][]>;
  tables?: Record<string, TableFixture>;
}

const FEATURES: PortFeatures = { columnWidths: true, suspendCalculation: true, suspendScreenUpdating: true, freezePanes: true, dataValidation: true };

/** The sheet with its table written into the cells. */
function cells(f: Fixture, sheet: string): CellValue[][] {
  const grid = (f.sheets[sheet] ?? []).map((r) => [...r]);
  const t = f.tables?.[sheet];
  if (t !== undefined) {
    const put = (r: number, line: readonly CellValue[]) => {
      while (grid.length < r) grid.push([]);
      const row = grid[r - 1];
      line.forEach((v, j) => {
        while (row.length < t.left + j) row.push(null);
        row[t.left - 1 + j] = v;
      });
    };
    put(t.top, t.columns);
    t.rows.forEach((line, i) => put(t.top + 1 + i, line));
    if (t.totals !== undefined) put(t.top + 1 + t.rows.length, t.totals);
  }
  return grid;
}

async function viaExcelJs(f: Fixture): Promise<Partial<Record<InputKind, SheetGrid>>> {
  const wb = new ExcelJS.Workbook();
  for (const name of Object.keys(f.sheets)) {
    const ws = wb.addWorksheet(name);
    const t = f.tables?.[name];
    cells({ sheets: { [name]: f.sheets[name] } }, name).forEach((line, r) =>
      line.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)),
    );
    if (t !== undefined) {
      ws.addTable({
        name: t.name,
        ref: ws.getCell(t.top, t.left).address,
        headerRow: true,
        totalsRow: t.totals !== undefined,
        columns: t.columns.map((c, j) => ({ name: c, ...(t.totals !== undefined ? { totalsRowLabel: String(t.totals[j] ?? "") } : {}) })),
        rows: t.rows as ExcelJS.CellValue[][],
      });
    }
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const { grids } = inputGrids(await loadWorkbook("fixture.xlsx", bytes));
  return grids;
}

async function viaOffice(f: Fixture): Promise<Partial<Record<InputKind, SheetGrid>>> {
  const sheets: Record<string, (string | number | boolean)[][]> = {};
  for (const name of Object.keys(f.sheets)) sheets[name] = cells(f, name).map((r) => r.map((v) => (v === null ? "" : (v as string | number | boolean))));
  const fake = createFakeOffice({ sheets });
  for (const [name, t] of Object.entries(f.tables ?? {})) {
    fake.workbook.tables.push({
      name: t.name,
      sheet: fake.workbook.sheet(name)!,
      r0: t.top - 1,
      c0: t.left - 1,
      rows: 1 + t.rows.length + (t.totals !== undefined ? 1 : 0),
      columns: t.columns.length,
      totalsRow: t.totals !== undefined,
    });
  }
  const port = createOfficePort(fake.Excel as unknown as ExcelHost, FEATURES);
  return (await port.readInputs(["policy", "project", "households", "elevators"])).grids;
}

/** Grids compared as their content: trailing blanks of a row do not matter ("" and null are blank). */
function normal(g: SheetGrid | undefined) {
  if (g === undefined) return undefined;
  const values = g.values.map((r) => {
    const row = r.map((v) => (v === "" ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  return { sheet: g.sheet, top: g.top, left: g.left, values };
}

const H = ["房号", "建筑面积", "已缴金额"];
const FIXTURES: [string, Fixture, InputKind, { top: number; left: number; rows: number }][] = [
  [
    "the standard table at A1",
    {
      sheets: { 住户: [] },
      tables: {
        住户: {
          name: "HouseholdTable",
          top: 1,
          left: 1,
          columns: H,
          rows: [
            ["1-101", 80, 100],
            ["1-102", 90.5, null],
          ],
        },
      },
    },
    "households",
    { top: 1, left: 1, rows: 3 },
  ],
  [
    "a table under a title, not at A1",
    { sheets: { 住户: [["住户名单"], []] }, tables: { 住户: { name: "HouseholdTable", top: 3, left: 2, columns: H, rows: [["1-101", 80, 100]] } } },
    "households",
    { top: 3, left: 2, rows: 2 },
  ],
  [
    "a table of another name whose header fits",
    { sheets: { 住户: [] }, tables: { 住户: { name: "表1", top: 1, left: 1, columns: ["户号", "面积"], rows: [["1-101", 80]] } } },
    "households",
    { top: 1, left: 1, rows: 2 },
  ],
  [
    "a table with a totals row (never data)",
    { sheets: { 住户: [] }, tables: { 住户: { name: "HouseholdTable", top: 1, left: 1, columns: H, rows: [["1-101", 80, 100]], totals: ["汇总", 80, 100] } } },
    "households",
    { top: 1, left: 1, rows: 2 },
  ],
  [
    "rows typed right below a table (a program that does not grow tables)",
    { sheets: { 住户: [[], [], ["1-102", 70, 5]] }, tables: { 住户: { name: "HouseholdTable", top: 1, left: 1, columns: H, rows: [["1-101", 80, 100]] } } },
    "households",
    { top: 1, left: 1, rows: 3 },
  ],
  [
    "no table: the header row below a title",
    { sheets: { 住户: [["2024 住户"], [], H, ["1-101", 80, 1], ["1-102", 75, 2], []] } },
    "households",
    { top: 3, left: 1, rows: 3 },
  ],
  ["no table, data not at A1", { sheets: { 项目信息: [[], [null, "字段", "概算"], [null, "area", 8000]] } }, "project", { top: 2, left: 2, rows: 2 }],
  [
    "加装电梯: the standard table (issue 13)",
    {
      sheets: { 加装电梯: [] },
      tables: {
        加装电梯: {
          name: "ElevatorTable",
          top: 1,
          left: 1,
          columns: ["单元", "层数", "造价", "维修资金"],
          rows: [
            ["1幢1单元", 6, 650000, 30000],
            ["1幢2单元", 6, 600000, null],
          ],
          totals: ["合计", null, 1250000, 30000],
        },
      },
    },
    "elevators",
    { top: 1, left: 1, rows: 3 },
  ],
  [
    "加装电梯: no table, headers by alias below a title",
    { sheets: { 加装电梯: [["加装电梯计划"], ["电梯单元", "楼层数", "电梯造价"], ["1幢1单元", 6, 650000]] } },
    "elevators",
    { top: 2, left: 1, rows: 2 },
  ],
];

describe("which cells are the input table: the same answer from exceljs and from Office.js", () => {
  it.each(FIXTURES)("%s", async (_name, fixture, kind, want) => {
    const a = normal((await viaExcelJs(fixture))[kind]);
    const b = normal((await viaOffice(fixture))[kind]);
    expect(a).toEqual(b);
    expect(a && { top: a.top, left: a.left, rows: a.values.length }).toEqual(want);
  });

  it("leaves a missing sheet out in both", async () => {
    const f: Fixture = {
      sheets: {
        项目信息: [
          ["字段", "概算"],
          ["area", 1],
        ],
      },
    };
    expect((await viaExcelJs(f)).households).toBeUndefined();
    expect((await viaOffice(f)).households).toBeUndefined();
  });
});
