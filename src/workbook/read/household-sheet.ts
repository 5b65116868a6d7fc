/**
 * 住户 (HouseholdTable): one row per household. Rows whose used cells are all blank are skipped. A row
 * whose 房号 is a total label (`isTotalLabel`: 合计 / 总计 / 小计 / Total / Sum) is a total row: after the
 * last household (only blank or total rows below it) it is skipped and listed; above one it is an error.
 */
import { isBlank } from "../grid";
import { HOUSEHOLD_COLUMNS, isTotalLabel } from "../layout";
import { GridCells, convertCell } from "./cells";
import { matchColumns } from "./columns";
import { CellMap, WorkbookError, cellError } from "./errors";

export interface HouseholdSheetRows {
  /** The engine's `households` member. */
  readonly rows: Record<string, unknown>[];
  /** Excel row of each household, for linking result rows back. */
  readonly excelRows: number[];
  /** Total rows skipped after the last household: their 房号 cells, `住户!A42`. */
  readonly skipped: string[];
}

export function householdSheetRows(grid: GridCells, cells: CellMap, errors: WorkbookError[]): HouseholdSheetRows | undefined {
  const cols = matchColumns(grid, HOUSEHOLD_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const used = HOUSEHOLD_COLUMNS.filter((s) => s.key !== "note" && cols.has(s.key));
  const idCol = cols.get("id")!;
  const rows: Record<string, unknown>[] = [];
  const excelRows: number[] = [];
  /** Total rows seen since the last household row (0-based grid rows). */
  let totals: number[] = [];
  for (let r = 1; r < grid.rows; r++) {
    if (grid.grid.values[r] === undefined) continue;
    // The 房号 first: a total row's other cells (sums, possibly formulas) are never read.
    if (isTotalLabel(grid.get(r, idCol))) {
      totals.push(r);
      continue;
    }
    const line = used.map((s) => grid.get(r, cols.get(s.key)!));
    if (line.every((v) => isBlank(v))) continue;
    // A household below total rows: those were not at the end of the data.
    const next = grid.ref(r, idCol).ref;
    for (const t of totals) errors.push(cellError(grid.ref(t, idCol), String(grid.get(t, idCol)), "row.totalNotLast", { next }));
    totals = [];
    const i = rows.length;
    const h: Record<string, unknown> = {};
    used.forEach((s, j) => {
      cells.set(`households[${i}].${s.key}`, grid.ref(r, cols.get(s.key)!));
      const v = line[j];
      if (!isBlank(v)) h[s.key] = convertCell(v, s.kind);
    });
    rows.push(h);
    excelRows.push(grid.grid.top + r);
  }
  return { rows, excelRows, skipped: totals.map((t) => grid.ref(t, idCol).ref) };
}
