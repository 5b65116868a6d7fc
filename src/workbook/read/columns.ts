/**
 * Finding the columns of a header row (workbook-layout.md "Principles"): by Chinese header, English key
 * or alias, in any order; extra columns ignored; missing required columns named with the header expected.
 */
import { isBlank } from "../grid";
import { ColumnSpec, columnNames, isWanYuan, normalizeHeader } from "../layout";
import { GridCells } from "./cells";
import { WorkbookError, cellError, sheetError } from "./errors";

/** key → 0-based index into the grid row. */
export type Columns = ReadonlyMap<string, number>;

/**
 * Matches row 0 of the grid against the specs. Reports each missing required column, a column given
 * twice (e.g. both 房号 and 户号) and an amount column stated in 万元 (amounts are read in 元).
 */
export function matchColumns(cells: GridCells, specs: readonly ColumnSpec[], errors: WorkbookError[]): Columns | undefined {
  const g = cells.grid;
  const index = new Map<string, number>();
  const names = specs.map((s) => new Set(columnNames(s)));
  const before = errors.length;
  const refused = new Set<string>();
  for (let c = 0; c < cells.width(0); c++) {
    const cell = cells.get(0, c);
    if (isBlank(cell)) continue;
    const text = String(cell);
    const s = names.findIndex((set) => set.has(normalizeHeader(text)));
    if (s < 0) continue;
    const spec = specs[s];
    const at = cells.ref(0, c);
    const first = index.get(spec.key);
    if (first !== undefined) {
      errors.push(cellError(at, text, "column.duplicate", { header: spec.header, key: spec.key, first: cells.ref(0, first).address, second: at.address }));
      continue;
    }
    if (spec.kind === "number" && isWanYuan(text)) {
      errors.push(cellError(at, text, "column.unit", { found: text }));
      refused.add(spec.key);
      continue;
    }
    index.set(spec.key, c);
  }
  for (const s of specs) {
    if (s.required && !index.has(s.key) && !refused.has(s.key)) {
      errors.push(sheetError(g.sheet, "column.missing", { sheet: g.sheet, header: s.header, row: g.top, accepted: [s.header, s.key, ...s.aliases] }));
    }
  }
  return errors.length > before ? undefined : index;
}
