/**
 * 加装电梯 (ElevatorTable, optional): one row per new elevator (elevator-rules.md; workbook-layout.md).
 * Read like 住户: columns by header, key or alias; blank rows skipped; a total row (合计 … in 单元) after
 * the last elevator skipped, above one an error. Each cell is registered under its engine path
 * (`elevators[2].storeys`) so that every problem names its cell (`加装电梯!B4`).
 */
import { cellRef, isBlank } from "../grid";
import { ELEVATOR_COLUMNS, isTotalLabel } from "../layout";
import { GridCells, convertCell } from "./cells";
import { matchColumns } from "./columns";
import { CellMap, WorkbookError, cellError } from "./errors";

export interface ElevatorSheetRows {
  /** The engine's `elevators` member. */
  readonly rows: Record<string, unknown>[];
  /** Excel row of each elevator. */
  readonly excelRows: number[];
  /** Total rows skipped after the last elevator: their 单元 cells, `加装电梯!A9`. */
  readonly skipped: string[];
}

/**
 * The rows of the 加装电梯 grid. Registers `elevators[i].<key>` for every cell read and `elevators.cost`
 * for the whole 造价 column (the Σ E of elevator-rules.md §6 names it: `加装电梯!C2:C3`).
 */
export function elevatorSheetRows(grid: GridCells, cells: CellMap, errors: WorkbookError[]): ElevatorSheetRows | undefined {
  const cols = matchColumns(grid, ELEVATOR_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const used = ELEVATOR_COLUMNS.filter((s) => s.key !== "note" && cols.has(s.key));
  const unitCol = cols.get("unit")!;
  const rows: Record<string, unknown>[] = [];
  const excelRows: number[] = [];
  let totals: number[] = [];
  for (let r = 1; r < grid.rows; r++) {
    if (grid.grid.values[r] === undefined) continue;
    if (isTotalLabel(grid.get(r, unitCol))) {
      totals.push(r);
      continue;
    }
    const line = used.map((s) => grid.get(r, cols.get(s.key)!));
    if (line.every((v) => isBlank(v))) continue;
    const next = grid.ref(r, unitCol).ref;
    for (const t of totals) errors.push(cellError(grid.ref(t, unitCol), String(grid.get(t, unitCol)), "row.totalNotLast", { next }));
    totals = [];
    const i = rows.length;
    const e: Record<string, unknown> = {};
    used.forEach((s, j) => {
      cells.set(`elevators[${i}].${s.key}`, grid.ref(r, cols.get(s.key)!));
      const v = line[j];
      if (!isBlank(v)) e[s.key] = convertCell(v, s.kind);
    });
    rows.push(e);
    excelRows.push(grid.grid.top + r);
  }
  if (excelRows.length > 0) {
    // The 造价 column of the elevators read, as one place.
    const top = grid.ref(0, cols.get("cost")!);
    const first = cellRef(top.sheet, excelRows[0], top.col);
    const last = cellRef(top.sheet, excelRows[excelRows.length - 1], top.col);
    const address = first.address === last.address ? first.address : `${first.address}:${last.address}`;
    cells.set("elevators.cost", { ...first, address, ref: `${top.sheet}!${address}` });
  }
  return { rows, excelRows, skipped: totals.map((t) => grid.ref(t, unitCol).ref) };
}
