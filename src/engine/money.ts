/**
 * Exact money and ratio values (funding-rules.md §2), with their units in the types.
 *
 * We own our Decimal constructor (never `Decimal.set` globally: another library on the page could
 * change it under us). 40 significant digits is far beyond any 元 amount.
 *
 * Units are required brands, so the compiler refuses a fen count where 元 is meant and the reverse:
 * - `Money`: 元 as an exact Decimal holding a whole number of fen (inputs, project figures);
 * - `Fen`: a whole number of fen in a safe integer (the per-household hot loops);
 * - `Yuan`: 元 as a plain number with at most two decimals (JSON output, sheet cells);
 * - `Ratio`: an exact Decimal in [0, 1] (tier and relief rates, collection rate).
 */
import Decimal from "decimal.js";

/** Decimal constructor used by the whole engine: ROUND_HALF_UP is 四舍五入 (half away from zero). */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

/**
 * Exact integer arithmetic where doubles would round (the rare paths above 2^53): 1,000 significant
 * digits hold every product of a fen amount (≤ 15 digits) and a scaled JSON number (≤ 309 + 324
 * digits), so nothing is ever rounded. The engine uses no BigInt: it runs unchanged in the Internet
 * Explorer 11 webview of Excel 2016 / 2019 (volume-licensed).
 */
export const Exact = Decimal.clone({ precision: 1000, rounding: Decimal.ROUND_DOWN, toExpNeg: -1100, toExpPos: 1100 });

declare const moneyBrand: unique symbol;
declare const fenBrand: unique symbol;
declare const yuanBrand: unique symbol;
declare const ratioBrand: unique symbol;

/** 元, exact, a whole number of fen. */
export type Money = Decimal & { readonly [moneyBrand]: true };
/** A whole number of fen, |x| ≤ 2^53 − 1. */
export type Fen = number & { readonly [fenBrand]: true };
/** 元 as a plain number with at most two decimals (the double nearest the two-decimal amount). */
export type Yuan = number & { readonly [yuanBrand]: true };
/** A ratio in [0, 1], exact. */
export type Ratio = Decimal & { readonly [ratioBrand]: true };

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const ZERO_MONEY = ZERO as Money;
export const ZERO_FEN = 0 as Fen;

/** Rounds to the fen, half away from zero (§2: 四舍五入). */
export function roundFen(x: Decimal.Value): Money {
  return new Dec(x).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) as Money;
}

/** Floors to the fen (§3.4: the cap never exceeds c per m²). Inputs here are ≥ 0. */
export function floorFen(x: Decimal.Value): Money {
  return new Dec(x).toDecimalPlaces(2, Decimal.ROUND_FLOOR) as Money;
}

/** A ratio from an exact value already checked to lie in [0, 1]. */
export function asRatio(x: Decimal): Ratio {
  return x as Ratio;
}

/** Money → integer fen. money: a whole number of fen, |money| < 2^53 fen. */
export function moneyToFen(m: Money): Fen {
  return Number(m.times(100).toFixed(0)) as Fen;
}

/** Integer fen (a safe Fen, or an exact integer Decimal) → money. */
export function fenToMoney(fen: Fen | Decimal): Money {
  return new Dec(fen.toString()).dividedBy(100) as Money;
}

/** Integer fen → 元 as a number: correctly rounded division by 100 is the double of the two-decimal text. */
export function fenToYuan(fen: Fen): Yuan {
  return (fen / 100) as Yuan;
}

/** Money → 元 as a number (at most two decimals; exact text for amounts below 2^53 fen). */
export function moneyToYuan(m: Money): Yuan {
  return Number(m.toFixed(2)) as Yuan;
}

/** Integer fen → "1234.50" (exactly two decimals). */
export function fenToText(fen: Fen | Decimal): string {
  return new Exact(fen.toString()).dividedBy(100).toFixed(2);
}

/** The digits of an integer part with thousands separators: `1234567` → `1,234,567` (amounts and areas in texts). */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 1234567.8 → `1,234,567.80`: how amounts are written inside texts (messages, formulas, sheets, the pane). */
export function groupedYuan(m: Money): string {
  const [i, f] = m.toFixed(2).split(".");
  return `${groupThousands(i)}.${f}`;
}

/** Sums money exactly. */
export function sumMoney(values: readonly Money[]): Money {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s as Money;
}

/** Sums decimals exactly. */
export function sum(values: readonly Decimal[]): Dec {
  let s = ZERO;
  for (const v of values) s = s.plus(v);
  return s;
}
