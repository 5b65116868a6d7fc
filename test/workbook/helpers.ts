import { CellValue, InputGrids, SheetGrid, buildTemplate, ExampleInput } from "../../src/workbook";

/** The input grids of a template (as if read from a workbook), with optional cell edits. */
export function templateGrids(options: { input?: ExampleInput; example?: boolean; settlement?: Record<string, number | string> } = { example: true }): {
  policy: SheetGrid;
  project: SheetGrid;
  households: SheetGrid;
  elevators: SheetGrid;
} {
  const t = buildTemplate(options);
  const g = (i: number): SheetGrid => ({ sheet: t.sheets[i].name, top: 1, left: 1, values: t.sheets[i].values.map((r) => [...r]) });
  return { policy: g(0), project: g(1), households: g(2), elevators: g(3) };
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

/** A three-household project (the spec's worked-example costs) shared by the layout tests. */
export const SMALL = {
  policy: "default",
  project: { name: "小区", area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 }, socialCapital: 100000 },
  households: [
    { id: "1-101", owner: "王芳", area: 88.5, status: "低保户", paid: 1200, participated: true, agreed: true },
    { id: "1-102", owner: "李强", area: 70, paid: 0, participated: true, agreed: false },
    { id: "1-103", owner: "张伟", area: 100.25, status: "生活困难职工", participated: false, agreed: false },
  ],
};
