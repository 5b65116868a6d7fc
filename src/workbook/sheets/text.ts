/**
 * How numbers are written on the output sheets: money cells are numbers in 元 with two decimals
 * converted from the engine's exact values (`fenToYuan`, `moneyToYuan`), never computed in floating
 * point here; money inside texts (formulas of 计算说明, the pane) is `1,234,567.80`.
 */
import Decimal from "decimal.js";
import { CalcResult, Dec, Fen, Money, Tier, Yuan, fenToMoney, fenToYuan, groupThousands, groupedYuan, moneyToYuan } from "../../engine";
import { CellValue } from "../grid";
import { FORMATS, STAGE_LABELS, Stage } from "../layout";

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
  return groupedYuan(typeof m === "number" ? fenToMoney(m) : m);
}

/** An exact decimal as written, with thousands separators in its integer part: `8,000`, `1,234.5`. */
export function decimalText(d: Decimal): string {
  const [i, f] = d.toFixed().split(".");
  const int = groupThousands(i);
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

/** An area as written on paper: `3,493.58 m²`. */
export function areaText(d: Decimal | number | string): string {
  return `${decimalText(new Dec(d))} m²`;
}

/** The floor coefficients of the elevator policy as written: `0, 0, 0.7, 0.8, 0.9, 1`. */
export const coefficientsText = (k: readonly Decimal[]): string => k.map((x) => x.toFixed()).join(", ");

/**
 * An exact amount with separators and at least two decimals (more when exact products carry them):
 * 83000.05 → `83,000.05`, 125.00125 → `125.00125`.
 */
export function exactText(d: Decimal): string {
  const dp = Math.max(2, d.decimalPlaces());
  const [i, f] = d.toFixed(dp).split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${f}`;
}

/**
 * A quotient on paper: exact to the fen as `1,234.50`, else rounded to the fen after `≈`.
 * (Texts use `-` for minus: the print font has no U+2212.)
 */
export function approxText(d: Decimal): string {
  const r = d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return r.equals(d) ? moneyText(r as Money) : `≈ ${moneyText(r as Money)}`;
}

/** `2026-11-30` in the local time of the machine running it. */
export function localDate(d: Date): string {
  const z = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

/** `2026-11-30 14:03:07` in the local time of the machine running it. */
export function localTime(d: Date): string {
  const z = (n: number) => String(n).padStart(2, "0");
  return `${localDate(d)} ${z(d.getHours())}:${z(d.getMinutes())}:${z(d.getSeconds())}`;
}

/** What an output sheet's title block says: the stage and the date of the run. */
export interface SheetContext {
  readonly stage?: Stage;
  readonly time?: Date;
}

/** The line under a sheet's title: `项目：… 测算阶段：决算 日期：2026-11-30 金额单位：元`. */
export function infoLine(result: CalcResult, ctx: SheetContext = {}, unit = "金额单位：元"): string {
  const parts = [`项目：${projectName(result)}`];
  if (ctx.stage !== undefined) parts.push(`测算阶段：${STAGE_LABELS[ctx.stage]}`);
  if (ctx.time !== undefined) parts.push(`日期：${localDate(ctx.time)}`);
  parts.push(unit);
  return parts.join("　　");
}

/** The project's name, or a placeholder. */
export const projectName = (r: CalcResult): string => r.input.project.name ?? "（未命名项目）";
