import { CellValue, InputGrids, SheetGrid, buildTemplate, ExampleInput } from "../../src/workbook";

/** The input grids of a template (as if read from a workbook), with optional cell edits. */
export function templateGrids(options: { input?: ExampleInput; example?: boolean; settlement?: Record<string, number | string> } = { example: true }): {
  policy: SheetGrid;
  project: SheetGrid;
  households: SheetGrid;
} {
  const t = buildTemplate(options);
  const g = (i: number): SheetGrid => ({ sheet: t.sheets[i].name, top: 1, left: 1, values: t.sheets[i].values.map((r) => [...r]) });
  return { policy: g(0), project: g(1), households: g(2) };
}

/** Sets a cell of a grid by its Excel address relative to A1 (grids from templateGrids start at A1). */
export function setCell(grid: SheetGrid, address: string, value: CellValue): void {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - grid.left;
  const row = Number(m[2]) - grid.top;
  const values = grid.values as CellValue[][];
  while (values.length <= row) values.push([]);
  values[row][col] = value;
}

export type Grids = InputGrids;
