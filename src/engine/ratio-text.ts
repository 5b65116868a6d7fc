/**
 * How every ratio is shown (collection rate, vote ratios, relief rates): one rounding everywhere — in
 * the task pane, the sheets and the command line. Ratios are FLOORED to 0.01%, so a shown figure never
 * exceeds the true one: 99.996% shows as 99.99%, never as a 100% that has not been reached. Exact
 * comparisons (the vote thresholds, "fully collected") are made on the exact values, never on these.
 */
import Decimal from "decimal.js";
import { Dec } from "./money";

/** The ratio floored to 0.01% (4 decimals), as a sheet cell value shown with `0.00%`. ratio ≥ 0. */
export function displayRatio(ratio: Decimal | number): number {
  return new Dec(ratio).toDecimalPlaces(4, Decimal.ROUND_DOWN).toNumber();
}

/**
 * A policy rate as written, exact and never rounded (a rate is a rule, not a measured ratio):
 * 0.4 → `40%`, 0.125 → `12.5%`.
 */
export function exactPercentText(rate: Decimal.Value): string {
  return `${new Dec(rate).times(100).toFixed()}%`;
}

/**
 * The ratio as percentage text floored to 0.01%.
 * @example percentText(new Dec("0.99996")) // "99.99%"
 */
export function percentText(ratio: Decimal | number): string {
  return `${new Dec(ratio).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)}%`;
}
