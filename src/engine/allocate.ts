/**
 * The largest-remainder split (funding-rules.md §2): floor every exact part to the fen, then give
 * the fen still left one at a time to the parts with the largest dropped fractions; on a tie, the
 * earlier row first. Parts always add up to the whole to the fen.
 *
 * Not dinero.js's `allocate`: it hands leftovers out by descending ratio, not by remainder
 * (10 over [2,2,3] gives [3,2,5]; this rule gives [3,3,4]).
 */
import Decimal from "decimal.js";
import { Money, fromFen, toFen } from "./money";
import { ScaledValues, decimalText, scaleTexts } from "./fixed";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Integer weights as ScaledValues (doubles when their sum is a safe integer). */
export function integerWeights(weights: readonly bigint[]): ScaledValues {
  const sum = weights.reduce((a, w) => a + w, 0n);
  const nums = sum <= MAX_SAFE ? Float64Array.from(weights, Number) : undefined;
  return { scale: 0, length: weights.length, nums, sum, bigs: () => weights };
}

/**
 * Splits `totalFen` over integer weights by the largest-remainder rule.
 * totalFen: integer fen, 0 ≤ totalFen ≤ 2^53 − 1. weights: integers ≥ 0 (bigints, or scaled decimal
 * texts from `scaleTexts`), not all 0 unless totalFen is 0.
 * Returns integer fen per weight (safe integers: each part ≤ totalFen).
 * @example allocateFen(10, [2n, 2n, 3n]) // [3, 3, 4]
 */
export function allocateFen(totalFen: number, weights: ScaledValues | readonly bigint[]): number[] {
  const w = Array.isArray(weights) ? integerWeights(weights as readonly bigint[]) : (weights as ScaledValues);
  const n = w.length;
  if (w.sum === 0n) {
    if (totalFen !== 0) throw new RangeError("allocateFen: all weights are zero or there are none");
    return new Array<number>(n).fill(0);
  }
  const parts = new Array<number>(n);
  const rem = new Float64Array(n);
  let given = 0;
  const T = BigInt(totalFen);
  // When every product T·w is a safe integer, integer arithmetic in doubles is exact and far faster
  // than bigint; remainders are < Σw, also safe.
  const nums = w.nums;
  if (nums !== undefined && T * w.sum <= MAX_SAFE) {
    const S = Number(w.sum);
    for (let i = 0; i < n; i++) {
      // Exact floor division in doubles (see floorDivSafe), inlined: this loop runs per household and tier.
      const p = totalFen * nums[i];
      let k = Math.floor(p / S);
      let r = p - k * S;
      if (r < 0) {
        k -= 1;
        r += S;
      } else if (r >= S) {
        k += 1;
        r -= S;
      }
      parts[i] = k;
      rem[i] = r;
      given += k;
    }
    return giveLeftovers(parts, totalFen - given, rem, S);
  }
  const bigs = w.bigs();
  const remB = new Array<bigint>(n);
  for (let i = 0; i < n; i++) {
    const p = T * bigs[i];
    const k = p / w.sum;
    parts[i] = Number(k);
    remB[i] = p - k * w.sum;
    given += parts[i];
  }
  let left = totalFen - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (remB[b] > remB[a] ? 1 : remB[b] < remB[a] ? -1 : a - b));
    for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  }
  return parts;
}

/**
 * Gives `left` (< n) fen one each to the largest remainders, earlier rows first on ties. Remainders
 * are safe integers < S. When S·n is a safe integer each (remainder, row) packs into one exact double
 * key = rem·n + (n − 1 − row), sorted natively — larger remainder, then earlier row, sorts last.
 */
function giveLeftovers(parts: number[], left: number, rem: Float64Array, S: number): number[] {
  const n = parts.length;
  if (left <= 0) return parts;
  if (S * n <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = rem[i] * n + (n - 1 - i);
    keys.sort();
    for (let k = n - 1; left > 0; k--, left--) parts[n - 1 - (keys[k] % n)] += 1;
    return parts;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  return parts;
}

/**
 * Splits a money amount over decimal weights, to the fen, by the largest-remainder rule.
 * total: money ≥ 0 in whole fen, below 2^53 fen. weights: finite decimals ≥ 0, not all 0 unless total is 0.
 * @example allocate(new Dec("0.10"), [2, 2, 3].map((w) => new Dec(w))) // [0.03, 0.03, 0.04]
 */
export function allocate(total: Decimal, weights: readonly Decimal[]): Money[] {
  const fen = allocateFen(Number(toFen(total)), scaleTexts(weights.map(decimalText)));
  return fen.map(fromFen);
}
