/**
 * The largest-remainder split (funding-rules.md §2): floor every exact part to the fen, then give
 * the fen still left one at a time to the parts with the largest dropped fractions; on a tie, the
 * earlier row first. Parts always add up to the whole to the fen.
 *
 * Not dinero.js's `allocate`: it hands leftovers out by descending ratio, not by remainder
 * (10 over [2,2,3] gives [3,2,5]; this rule gives [3,3,4]).
 *
 * Two exact ways to the same parts, chosen by size (each tested on its own against a bigint oracle):
 * - `splitInDoubles` when the weights' sum S and S × the largest weight are safe integers: with
 *   T = q·S + r, the part T·w/S = q·w + r·w/S and r·w < S·w_max, so every product is exact;
 * - `splitExactly` otherwise, in exact integers (exact-int.ts: BigInt, or decimal.js on IE11).
 */
import Decimal from "decimal.js";
import { Fen, Money, fenToMoney, moneyToFen } from "./money";
import { X, XInt } from "./exact-int";
import { ScaledValues, decimalText, floorDivSafe, integerWeights, scaleTexts } from "./fixed";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** True when `splitInDoubles` is exact for these weights (T ≤ 2^53 − 1 is assumed). */
export function fitsDoubles(w: ScaledValues): boolean {
  return w.nums !== undefined && w.max !== undefined && X.toNumber(w.sum) * w.max <= MAX_SAFE;
}

/**
 * Splits `totalFen` over integer weights by the largest-remainder rule.
 * totalFen: integer fen, 0 ≤ totalFen ≤ 2^53 − 1. weights: integers ≥ 0 (as decimal texts, or scaled
 * decimal texts from `scaleTexts`), not all 0 unless totalFen is 0.
 * Returns integer fen per weight (safe integers: each part ≤ totalFen).
 * @example allocateFen(10 as Fen, ["2", "2", "3"]) // [3, 3, 4]
 */
export function allocateFen(totalFen: Fen, weights: ScaledValues | readonly string[]): Fen[] {
  const w = Array.isArray(weights) ? integerWeights(weights as readonly string[]) : (weights as ScaledValues);
  if (X.isZero(w.sum)) {
    if (totalFen !== 0) throw new RangeError("allocateFen: all weights are zero or there are none");
    return new Array<Fen>(w.length).fill(0 as Fen);
  }
  return fitsDoubles(w) ? splitInDoubles(totalFen, w) : splitExactly(totalFen, w);
}

/** The split in doubles. Requires `fitsDoubles(w)`. */
export function splitInDoubles(totalFen: Fen, w: ScaledValues): Fen[] {
  const nums = w.nums!;
  const n = w.length;
  const S = X.toNumber(w.sum);
  const [q, r] = floorDivSafe(totalFen, S);
  const parts = new Array<number>(n);
  const rem = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    // Exact floor division of r·w (< S·w_max ≤ 2^53) by S, inlined from floorDivSafe: this runs per
    // household and tier.
    const p = r * nums[i];
    let k = Math.floor(p / S);
    let x = p - k * S;
    if (x < 0) {
      k -= 1;
      x += S;
    } else if (x >= S) {
      k += 1;
      x -= S;
    }
    const part = q * nums[i] + k;
    parts[i] = part;
    rem[i] = x;
    given += part;
  }
  return giveLeftovers(parts, totalFen - given, rem, S) as Fen[];
}

/** The split in exact integers: exact for any size (the rare path: weights past 2^53). */
export function splitExactly(totalFen: Fen, w: ScaledValues): Fen[] {
  const n = w.length;
  const T = X.fromNumber(totalFen);
  const S = w.sum;
  const values = w.exact();
  const parts = new Array<number>(n);
  const rem = new Array<XInt>(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const p = X.mul(T, values[i]);
    const k = X.div(p, S);
    parts[i] = X.toNumber(k);
    rem[i] = X.sub(p, X.mul(k, S));
    given += parts[i];
  }
  let left = totalFen - given;
  if (left > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => X.cmp(rem[b], rem[a]) || a - b);
    for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  }
  return parts as Fen[];
}

/**
 * Gives `left` (< n) fen one each to the largest remainders, earlier rows first on ties. Remainders are
 * safe integers < S. `givePacked` when S·n is a safe integer, else `giveSorted`.
 */
function giveLeftovers(parts: number[], left: number, rem: Float64Array, S: number): number[] {
  if (left <= 0) return parts;
  return S * parts.length <= MAX_SAFE ? givePacked(parts, left, rem) : giveSorted(parts, left, rem);
}

/**
 * Each (remainder, row) packs into one exact double key = rem·n + (n − 1 − row), sorted natively —
 * larger remainder, then earlier row, sorts last. Requires S·n ≤ 2^53 − 1.
 */
export function givePacked(parts: number[], left: number, rem: Float64Array): number[] {
  const n = parts.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = rem[i] * n + (n - 1 - i);
  keys.sort();
  for (let k = n - 1; left > 0; k--, left--) parts[n - 1 - (keys[k] % n)] += 1;
  return parts;
}

/** The same by a comparison sort (any S). */
export function giveSorted(parts: number[], left: number, rem: Float64Array): number[] {
  const n = parts.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; left > 0; k++, left--) parts[order[k]] += 1;
  return parts;
}

/**
 * Splits a money amount over decimal weights, to the fen, by the largest-remainder rule.
 * total: money ≥ 0, below 2^53 fen. weights: finite decimals ≥ 0, not all 0 unless total is 0.
 * @example allocate(roundFen("0.10"), [2, 2, 3].map((w) => new Dec(w))) // [0.03, 0.03, 0.04]
 */
export function allocate(total: Money, weights: readonly Decimal[]): Money[] {
  return allocateFen(moneyToFen(total), scaleTexts(weights.map(decimalText))).map(fenToMoney);
}
