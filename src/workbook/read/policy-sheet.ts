/**
 * 政策参数 (PolicyTable): key / value rows, read by the engine's one policy-row reader
 * (`readPolicyRows`), exactly as a custom function's `policy` range and the JSON `policy` member are.
 */
import { PolicyRow } from "../../engine";
import { isBlank } from "../grid";
import { POLICY_COLUMNS } from "../layout";
import { GridCells } from "./cells";
import { matchColumns } from "./columns";
import { CellMap, WorkbookError } from "./errors";

/** The rows of the 政策参数 grid, each with the paths of its key and value cells registered in `cells`. */
export function policySheetRows(grid: GridCells, cells: CellMap, errors: WorkbookError[]): { rows: PolicyRow[]; count: number } | undefined {
  const cols = matchColumns(grid, POLICY_COLUMNS, errors);
  if (cols === undefined) return undefined;
  const kc = cols.get("key")!;
  const vc = cols.get("value")!;
  const rows: PolicyRow[] = [];
  let count = 0;
  for (let r = 1; r < grid.rows; r++) {
    const key = grid.get(r, kc);
    const value = grid.get(r, vc);
    if (!isBlank(key)) count++;
    // A value cell that is a formula without a result was reported already: not a blank (= inherit).
    if (grid.reported.has(grid.ref(r, vc).address)) continue;
    const keyPath = ["policy", "rows", r, "key"];
    const valuePath = ["policy", "rows", r, "value"];
    cells.set(keyPath, grid.ref(r, kc));
    cells.set(valuePath, grid.ref(r, vc));
    // The cell as it is: the engine reads numbers typed as text the same way for every edge.
    rows.push({ key, value, keyPath, valuePath });
  }
  return { rows, count };
}
