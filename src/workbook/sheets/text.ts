/**
 * How numbers are written on the output sheets: money cells are numbers in 元 with two decimals
 * converted from the engine's exact values (`fenToYuan`, `moneyToYuan`), never computed in floating
 * point here; money inside texts (formulas of 计算说明, the pane) is `1,234,567.80`.
 */
import Decimal from "decimal.js";
import { CalcResult, Dec, Fen, Money, Tier, Yuan, fenToText, fenToYuan, moneyToYuan } from "../../engine";
import { CellValue } from "../grid";
import { FORMATS } from "../layout";

export const M = FORMATS.money;
export const TIER_LABELS: Readonly<Record<Tier, string>> = { basic: "基础类", improvement: "完善类", enhancement: "提升类" };

/** Money as a cell value in 元. */
export const money = (m: Money): Yuan => moneyToYuan(m);
/** Fen as a cell value in 元. */
export const yuan = (f: Fen): Yuan => fenToYuan(f);

/**
 * 1234567.8 → `1,234,567.80`: how amounts are written inside texts (formulas, the task pane).
 * m: exact money, or fen.
 */
export function moneyText(m: Money | Fen): string {
  const x = typeof m === "number" ? new Dec(fenToText(m)) : m;
  const [i, f] = x.toFixed(2).split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${f}`;
}

/** An exact decimal as written, with thousands separators in its integer part: `8,000`, `1,234.5`. */
export function decimalText(d: Decimal): string {
  const [i, f] = d.toFixed().split(".");
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return f === undefined ? int : `${int}.${f}`;
}

export const yesNo = (b: boolean): string => (b ? "是" : "否");
export const passed = (b: boolean): string => (b ? "通过" : "未通过");

/** A text cell never carries a number format (a `#,##0.00` text cell is cut off or mis-aligned). */
export const formatFor = (v: CellValue, f: string): string => (typeof v === "string" ? FORMATS.general : f);

/** Σ of the household areas, exact (m²). */
export function householdArea(r: CalcResult): Decimal {
  let s = new Dec(0);
  for (const h of r.input.households ?? []) s = s.plus(h.area);
  return s;
}
