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
import { decimalText, floorDivSafe, fractionDigits, scaledInteger } from "./fixed";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Splits `totalFen` over integer weights by the largest-remainder rule.
 * totalFen: integer fen, 0 ≤ totalFen ≤ 2^53 − 1. weights: integers ≥ 0, not all 0 unless totalFen is 0.
 * Returns integer fen per weight (safe integers: each part ≤ totalFen).
 * @example allocateFen(10, [2n, 2n, 3n]) // [3, 3, 4]
 */
export function allocateFen(totalFen: number, weights: readonly bigint[]): number[] {
  const n = weights.length;
  let sumW = 0n;
  for (let i = 0; i < n; i++) sumW += weights[i];
  if (sumW === 0n) {
    if (totalFen !== 0) throw new RangeError("allocateFen: all weights are zero or there are none");
    return new Array<number>(n).fill(0);
  }
  const parts = new Array<number>(n);
  const T = BigInt(totalFen);
  // Remainders are < Σw; when every product T·w fits a double exactly, plain integer arithmetic in
  // doubles is exact and several times faster than bigint.
  const safe = T * sumW <= MAX_SAFE;
  const rem = new Float64Array(safe ? n : 0);
  const remB: bigint[] = safe ? [] : new Array<bigint>(n);
  let given = 0;
  if (safe) {
    const S = Number(sumW);
    for (let i = 0; i < n; i++) {
      const [k, r] = floorDivSafe(totalFen * Number(weights[i]), S);
      parts[i] = k;
      rem[i] = r;
      given += k;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const p = T * weights[i];
      const k = p / sumW;
      parts[i] = Number(k);
      remB[i] = p - k * sumW;
      given += parts[i];
    }
  }
  let left = totalFen - given; // < n by construction
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    if (safe) order.sort((a, b) => rem[b] - rem[a] || a - b);
    else order.sort((a, b) => (remB[b] > remB[a] ? 1 : remB[b] < remB[a] ? -1 : a - b));
    for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  }
  return parts;
}

/** Plain decimal texts of weights ≥ 0 → integers sharing one power of ten (exact). */
export function scaleWeightTexts(texts: readonly string[]): bigint[] {
  let dp = 0;
  for (const t of texts) dp = Math.max(dp, fractionDigits(t));
  return texts.map((t) => scaledInteger(t, dp));
}

/**
 * Splits a money amount over decimal weights, to the fen, by the largest-remainder rule.
 * total: money ≥ 0 in whole fen, below 2^53 fen. weights: finite decimals ≥ 0, not all 0 unless total is 0.
 * @example allocate(new Dec("0.10"), [2, 2, 3].map((w) => new Dec(w))) // [0.03, 0.03, 0.04]
 */
export function allocate(total: Decimal, weights: readonly Decimal[]): Money[] {
  const fen = allocateFen(Number(toFen(total)), scaleWeightTexts(weights.map(decimalText)));
  return fen.map(fromFen);
}
