/**
 * Exact money and ratio arithmetic (funding-rules.md §2).
 *
 * We own our Decimal constructor (never `Decimal.set` globally: another library on the
 * page could change it under us). 40 significant digits is far beyond any 元 amount.
 */
import Decimal from "decimal.js";

/** Decimal constructor used by the whole engine: ROUND_HALF_UP is 四舍五入 (half away from zero). */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);

/** Money value: a Decimal that is a whole number of fen (0.01 元). */
export type Money = Decimal & { readonly __money?: true };
/** Ratio in [0, 1] (a tier or relief rate). */
export type Rate = Decimal & { readonly __rate?: true };

/** Rounds to the fen, half away from zero (§2: 四舍五入). */
export function roundFen(x: Decimal.Value): Money {
  return new Dec(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Floors to the fen (§3.4: the cap never exceeds c per m²). Inputs here are ≥ 0. */
export function floorFen(x: Decimal.Value): Money {
  return new Dec(x).toDecimalPlaces(2, Decimal.ROUND_FLOOR);
}

/** Money → integer fen. money: a whole number of fen. */
export function toFen(m: Decimal): bigint {
  return BigInt(m.times(100).toFixed(0));
}

/** Integer fen → money. */
export function fromFen(fen: bigint | number): Money {
  return new Dec(fen.toString()).dividedBy(100);
}

/** Money as a JSON number in 元 (at most two decimals; exact for amounts below 2^53 fen). */
export function moneyToNumber(m: Decimal): number {
  return Number(m.toFixed(2));
}

/** Sums decimals exactly. */
export function sum(values: readonly Decimal[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}

