/**
 * Which cells are an input table — the one rule both adapters follow (the exceljs reader of the
 * command line and the Office.js port of the task pane), so that a workbook reads the same everywhere.
 *
 * An adapter first describes the sheet (`SheetShape`: its Excel tables with their header cells, and the
 * box of the cells that hold values), asks `inputReadPlan` which rectangle to read, reads that
 * rectangle's values, and hands them to `inputGrid`. The rule:
 * 1. The sheet's Excel table with the standard name (workbook-layout.md: `HouseholdTable` …) and a
 *    header row; else the first table whose header row holds every required header of the kind.
 *    Its header row and data rows are the grid — never its totals row. Rows typed directly below a
 *    table without a totals row (a program that does not grow tables, e.g. LibreOffice) belong to it,
 *    up to the first blank row.
 * 2. Without such a table: the cells holding values, from the header row — the first of the top 20
 *    rows that holds every required header — down to the last non-blank row. Formats alone never count,
 *    so a stray format on a far cell does not make the read huge.
 */
import { CellValue, SheetGrid, isBlank } from "./grid";
import { ColumnSpec, ELEVATOR_COLUMNS, HOUSEHOLD_COLUMNS, POLICY_COLUMNS, PROJECT_COLUMNS, SHEETS, TABLES, columnNames, normalizeHeader } from "./layout";

/** The input sheets; `elevators` (加装电梯) is optional, like 政策参数. */
export type InputKind = "policy" | "project" | "households" | "elevators";

/** The column specs of each input sheet. */
export const INPUT_COLUMNS: Readonly<Record<InputKind, readonly ColumnSpec[]>> = {
  policy: POLICY_COLUMNS,
  project: PROJECT_COLUMNS,
  households: HOUSEHOLD_COLUMNS,
  elevators: ELEVATOR_COLUMNS,
};

/** The sheet name of each input kind. */
export const INPUT_SHEET_NAMES: Readonly<Record<InputKind, string>> = {
  policy: SHEETS.policy,
  project: SHEETS.project,
  households: SHEETS.households,
  elevators: SHEETS.elevators,
};

/** A rectangle: 1-based top-left, size ≥ 1. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** An Excel table as an adapter sees it before reading its data. */
export interface TableShape {
  readonly name: string;
  /** Header row (when there is one) and data rows; a totals row is NOT included. */
  readonly box: Box;
  readonly headerRow: boolean;
  readonly totalsRow: boolean;
  /** The values of the first row of `box` (the header row when there is one). */
  readonly header: readonly CellValue[];
}

/** What an adapter knows of a sheet before reading its cells. */
export interface SheetShape {
  readonly sheet: string;
  readonly tables: readonly TableShape[];
  /** The box of the cells that hold values (formats alone do not count); undefined when none do. */
  readonly used?: Box;
}

/** What to read: a table (and the rows below it, up to the used box's bottom), the used box, or nothing. */
export type ReadPlan =
  { readonly kind: "table"; readonly table: TableShape; readonly box: Box } | { readonly kind: "used"; readonly box: Box } | { readonly kind: "empty" };

/** True when a row holds every required header of the input kind (by header text, key or alias). */
export function holdsRequiredHeaders(kind: InputKind, row: readonly CellValue[]): boolean {
  const texts = new Set(row.filter((v) => !isBlank(v)).map((v) => normalizeHeader(String(v))));
  return INPUT_COLUMNS[kind].every((c) => !c.required || columnNames(c).some((n) => texts.has(n)));
}

/** How many top rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

/** The rectangle to read for an input kind (rule 1, else rule 2). */
export function inputReadPlan(kind: InputKind, shape: SheetShape): ReadPlan {
  const withHeader = shape.tables.filter((t) => t.headerRow);
  const table = withHeader.find((t) => t.name === TABLES[kind]) ?? withHeader.find((t) => holdsRequiredHeaders(kind, t.header));
  if (table !== undefined) {
    const u = shape.used;
    const bottom = table.totalsRow || u === undefined ? table.box.top + table.box.rows - 1 : Math.max(table.box.top + table.box.rows - 1, u.top + u.rows - 1);
    return { kind: "table", table, box: { ...table.box, rows: bottom - table.box.top + 1 } };
  }
  return shape.used === undefined ? { kind: "empty" } : { kind: "used", box: shape.used };
}

/**
 * The grid from the values read for a plan (`values[0][0]` is the plan box's top-left). For a table:
 * its rows, then the non-blank rows right below it. For the used box: from the header row down to the
 * last non-blank row (`locateTable`).
 */
export function inputGrid(kind: InputKind, sheet: string, plan: ReadPlan, values: readonly (readonly CellValue[])[]): SheetGrid {
  if (plan.kind === "empty") return { sheet, top: 1, left: 1, values: [[]] };
  if (plan.kind === "used") return locateTable(sheet, kind, values, plan.box.top, plan.box.left);
  const own = plan.table.box.rows;
  const rows = values.slice(0, own);
  for (let r = own; r < values.length; r++) {
    if ((values[r] ?? []).every((v) => isBlank(v))) break;
    rows.push(values[r]);
  }
  return { sheet, top: plan.box.top, left: plan.box.left, values: rows };
}

/**
 * The input table inside a block of cells without an Excel table. values: the block, `values[0][0]` at
 * 1-based (top, left). Returns the grid from the header row down to the last non-blank row (all columns
 * kept), or the block from its first non-blank row when no row holds every required header (readInputs
 * then reports the missing columns against that row).
 */
export function locateTable(sheet: string, kind: InputKind, values: readonly (readonly CellValue[])[], top = 1, left = 1): SheetGrid {
  let header = -1;
  for (let r = 0; r < Math.min(values.length, HEADER_SEARCH_ROWS); r++) {
    if (holdsRequiredHeaders(kind, values[r] ?? [])) {
      header = r;
      break;
    }
  }
  if (header < 0) header = values.findIndex((row) => row.some((v) => !isBlank(v)));
  if (header < 0) return { sheet, top, left, values: [[]] };
  let last = values.length - 1;
  while (last > header && (values[last] ?? []).every((v) => isBlank(v))) last--;
  return { sheet, top: top + header, left, values: values.slice(header, last + 1) };
}
