/**
 * ALLOCATE: splits an amount over a column of weights by the largest-remainder rule
 * (funding-rules.md §2): the parts add up to the total to the fen; on a tie, the earlier row first.
 */
import { X, allocateFen, engineError, fenToYuan, moneyToFen, scaleTexts } from "../engine";
import { readColumn, readMoneyArg, readWeightColumn } from "./args";
import { Checked, bad, good } from "./issues";

/**
 * total: 元 ≥ 0 (rounded to the fen). weights: one column of numbers ≥ 0, not all 0 unless total is 0.
 * Returns a column of the same height.
 * @example allocateOf(0.1, [[2], [2], [3]]) // ok: [[0.03], [0.03], [0.04]]
 */
export function allocateOf(total: unknown, weights: unknown): Checked<number[][]> {
  const t = readMoneyArg(total, "total");
  if (!t.ok) return t;
  const cells = readColumn(weights, "weights");
  if (!cells.ok) return cells;
  const texts = readWeightColumn(cells.value, "weights");
  if (!texts.ok) return texts;
  const totalFen = moneyToFen(t.value);
  // Exact integers sharing one power of ten: the split is scale-invariant.
  const scaled = scaleTexts(texts.value);
  if (totalFen !== 0 && X.isZero(scaled.sum)) return bad(engineError("weights.zero", ["weights"]));
  return good(allocateFen(totalFen, scaled).map((fen) => [fenToYuan(fen)]));
}
