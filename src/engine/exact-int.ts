/**
 * Exact integers past 2^53 — the rare paths of the splits and sums (weights with many digits, e.g. a
 * formula's 45.370000000000005 scaling every weight by 10^15). Native BigInt where the host has it;
 * decimal.js (money.ts `Exact`, 1,000 digits) where it has not: the Internet Explorer 11 webview of
 * Excel 2016 / 2019 (volume-licensed). No BigInt literal appears anywhere, so the engine compiles for
 * that webview too; both implementations give the same integers (tests run both).
 */
import Decimal from "decimal.js";
import { Exact } from "./money";

/** An exact integer: a bigint or an integer Decimal, never mixed (one implementation per process). */
export type XInt = bigint | Decimal;

export interface IntOps {
  readonly name: "bigint" | "decimal";
  of(text: string): XInt;
  fromNumber(n: number): XInt;
  add(a: XInt, b: XInt): XInt;
  sub(a: XInt, b: XInt): XInt;
  mul(a: XInt, b: XInt): XInt;
  /** floor(a / b) for a ≥ 0, b > 0. */
  div(a: XInt, b: XInt): XInt;
  /** −1, 0 or 1. */
  cmp(a: XInt, b: XInt): number;
  isZero(a: XInt): boolean;
  /** The nearest double (exact below 2^53). */
  toNumber(a: XInt): number;
  text(a: XInt): string;
}

const big = (x: XInt) => x as bigint;
const dec = (x: XInt) => x as Decimal;

export const BIGINT_OPS: IntOps = {
  name: "bigint",
  of: (t) => BigInt(t),
  fromNumber: (n) => BigInt(n),
  add: (a, b) => big(a) + big(b),
  sub: (a, b) => big(a) - big(b),
  mul: (a, b) => big(a) * big(b),
  div: (a, b) => big(a) / big(b),
  cmp: (a, b) => (big(a) < big(b) ? -1 : big(a) > big(b) ? 1 : 0),
  isZero: (a) => big(a) === BigInt(0),
  toNumber: (a) => Number(a),
  text: (a) => big(a).toString(),
};

export const DECIMAL_OPS: IntOps = {
  name: "decimal",
  of: (t) => new Exact(t),
  fromNumber: (n) => new Exact(n),
  add: (a, b) => dec(a).plus(dec(b)),
  sub: (a, b) => dec(a).minus(dec(b)),
  mul: (a, b) => dec(a).times(dec(b)),
  div: (a, b) => dec(a).divToInt(dec(b)),
  cmp: (a, b) => dec(a).comparedTo(dec(b)),
  isZero: (a) => dec(a).isZero(),
  toNumber: (a) => dec(a).toNumber(),
  text: (a) => dec(a).toFixed(),
};

/** The implementation of this host. */
export const X: IntOps = typeof BigInt === "function" ? BIGINT_OPS : DECIMAL_OPS;

/** An exact integer as a Decimal (for texts and ratios). */
export function xToDecimal(a: XInt): Decimal {
  return new Exact(X.text(a));
}
