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

/** Integer fen → Decimal 元. */
export function fenToDecimal(fen: bigint): Decimal {
  return new Dec(fen.toString()).dividedBy(100);
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
