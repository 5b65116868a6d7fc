/**
 * Finding an input table in a sheet that has no Excel table (ListObject): the header row is the first
 * of the top rows that holds every required header; the grid runs from it to the last non-blank row.
 */
import { CellValue, SheetGrid, isBlank } from "./grid";
import { ColumnSpec, HOUSEHOLD_COLUMNS, POLICY_COLUMNS, PROJECT_COLUMNS, SHEETS, columnNames, normalizeHeader } from "./layout";

export type InputKind = "policy" | "project" | "households";

/** The column specs of each input sheet. */
export const INPUT_COLUMNS: Readonly<Record<InputKind, readonly ColumnSpec[]>> = {
  policy: POLICY_COLUMNS,
  project: PROJECT_COLUMNS,
  households: HOUSEHOLD_COLUMNS,
};

/** The sheet name of each input kind. */
export const INPUT_SHEET_NAMES: Readonly<Record<InputKind, string>> = {
  policy: SHEETS.policy,
  project: SHEETS.project,
  households: SHEETS.households,
};

/** True when a row holds every required header of the input kind (by header text, key or alias). */
export function holdsRequiredHeaders(kind: InputKind, row: readonly CellValue[]): boolean {
  const texts = new Set(row.filter((v) => !isBlank(v)).map((v) => normalizeHeader(String(v))));
  return INPUT_COLUMNS[kind].every((c) => !c.required || columnNames(c).some((n) => texts.has(n)));
}

/** How many top rows are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The input table inside a sheet's used range. values: the used range, `values[0][0]` at 1-based
 * (top, left) — for an exceljs sheet or Office.js `getUsedRange()`. Returns the grid from the header
 * row down to the last non-blank row (all columns kept), or the whole range when no row holds every
 * required header (readInputs then reports the missing columns against its first row).
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
