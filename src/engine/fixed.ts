/**
 * Exact fixed-point helpers for the per-household hot loops (funding-rules.md §2).
 *
 * A JSON or Excel number is exactly the decimal its shortest text shows (`String(88.5)` = "88.5"),
 * so areas and money are carried as that text and turned into integers (fen, or area × 10^scale)
 * by string operations: exact, and ~20× cheaper than a Decimal per cell. Never binary floating
 * point arithmetic on these values.
 */
import Decimal from "decimal.js";
import { Dec } from "./money";

/** Plain decimal text without exponent: "88.5", "-0.01", "1200". value: a finite number or Decimal. */
export function decimalText(value: number | Decimal): string {
  if (typeof value === "number") {
    const s = String(value);
    if (!s.includes("e")) return s;
    return new Dec(value).toFixed();
  }
  return value.toFixed();
}

/** Digits after the point in a plain decimal text. */
export function fractionDigits(text: string): number {
  const i = text.indexOf(".");
  return i < 0 ? 0 : text.length - i - 1;
}

/** A plain decimal text × 10^scale as an exact integer. scale ≥ the text's fraction digits. */
export function scaledInteger(text: string, scale: number): bigint {
  const i = text.indexOf(".");
  if (i < 0) return BigInt(text + "0".repeat(scale));
  const frac = text.slice(i + 1);
  return BigInt(text.slice(0, i) + frac + "0".repeat(scale - frac.length));
}

/** Plain decimal text → integer fen, half away from zero (§2: money inputs rounded to the fen when read). */
export function textToFen(text: string): bigint {
  const neg = text.startsWith("-");
  const abs = neg ? text.slice(1) : text;
  const i = abs.indexOf(".");
  const intPart = i < 0 ? abs : abs.slice(0, i);
  const frac = i < 0 ? "" : abs.slice(i + 1);
  let fen = BigInt((intPart === "" ? "0" : intPart) + (frac + "00").slice(0, 2));
  if (frac.length > 2 && frac.charCodeAt(2) >= 53 /* '5' */) fen += 1n;
  return neg ? -fen : fen;
}

/** Like textToFen for amounts below 10^13 元 (≤ 15 digits of fen): the result is a safe integer. */
export function textToFenNumber(text: string): number {
  const i = text.indexOf(".");
  if (i < 0 && text.length <= 13) return Number(text) * 100;
  return Number(textToFen(text));
}

/** Integer fen → "1234.50" (exactly two decimals). */
export function fenToText(fen: bigint): string {
  const neg = fen < 0n;
  const s = (neg ? -fen : fen).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Integer fen → a JSON number in 元. Correctly rounded division by 100 is the double of the two-decimal text. */
export function fenToNumber(fen: bigint | number): number {
  return Number(fen) / 100;
}

/**
 * Exact floor(p / d) for safe integers p ≥ 0, d > 0 held in doubles: the double quotient can round
 * across an integer, so the remainder steps it back. Returns [quotient, remainder].
 */
export function floorDivSafe(p: number, d: number): [number, number] {
  let k = Math.floor(p / d);
  let r = p - k * d;
  if (r < 0) {
    k -= 1;
    r += d;
  } else if (r >= d) {
    k += 1;
    r -= d;
  }
  return [k, r];
}

/**
 * Decimal texts ≥ 0 scaled to integers sharing one power of ten. `nums` holds them as doubles when
 * every value and their sum are safe integers (exact, and far cheaper than bigint); `bigs` always
 * gives the exact bigint values.
 */
export interface ScaledValues {
  readonly scale: number;
  readonly length: number;
  /** Present when Σ values ≤ 2^53 − 1: every value and every partial sum is then exact in a double. */
  readonly nums?: Float64Array;
  /** Σ values, exact. */
  readonly sum: bigint;
  bigs(): readonly bigint[];
}

export function scaleTexts(texts: readonly string[]): ScaledValues {
  let scale = 0;
  for (const t of texts) {
    const d = fractionDigits(t);
    if (d > scale) scale = d;
  }
  const n = texts.length;
  const nums = new Float64Array(n);
  let sum = 0;
  let safe = true;
  for (let i = 0; i < n && safe; i++) {
    const t = texts[i];
    const dot = t.indexOf(".");
    const digits = dot < 0 ? t + ZEROS.slice(0, scale) : t.slice(0, dot) + t.slice(dot + 1) + ZEROS.slice(0, scale - (t.length - dot - 1));
    const v = digits.length <= 15 ? Number(digits) : NaN; // ≤ 15 digits: always exact
    if (Number.isNaN(v)) safe = false;
    nums[i] = v;
    sum += v;
    if (sum > Number.MAX_SAFE_INTEGER) safe = false;
  }
  let bigCache: bigint[] | undefined;
  const bigs = () => (bigCache ??= texts.map((t) => scaledInteger(t, scale)));
  if (safe) return { scale, length: n, nums, sum: BigInt(sum), bigs };
  const b = bigs();
  return { scale, length: n, sum: b.reduce((a, x) => a + x, 0n), bigs };
}

const ZEROS = "0".repeat(400);
