/**
 * Calendar dates and the working days of the 公示 period (乐政办发〔2023〕47号 第三条（三）: 公示时间不少于
 * 7个工作日). Working days follow the State Council's arrangement of statutory holidays (放假) and the
 * weekend days worked in exchange (调休上班), from the vendored chinese-days data (holidays/README.md,
 * 2004–2026). A year the data does not cover counts Monday–Friday, and every place that shows such a
 * count says so (`calendarNote`).
 *
 * Dates are plain calendar dates (year, month, day) — no time zone enters the count.
 */
import data from "./holidays/chinese-days.json";

/** A calendar date (no time zone): month 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const HOLIDAYS: Readonly<Record<string, string>> = data.holidays;
const WORKDAYS: Readonly<Record<string, string>> = data.workdays;

/** The years the holiday data covers (a year is covered when its 元旦 is listed). */
export const HOLIDAY_YEARS: { readonly first: number; readonly last: number } = (() => {
  const years = Object.keys(HOLIDAYS)
    .filter((k) => k.endsWith("-01-01"))
    .map((k) => Number(k.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

/** Where the holiday data comes from, for the sheets and the manual. */
export const HOLIDAY_SOURCE = "国务院办公厅历年部分节假日安排的通知（数据：chinese-days 1.5.7）";

const toUtc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (t: number): CalendarDate => {
  const x = new Date(t);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};
const DAY = 86_400_000;

/** `2024-05-06`. */
export function dateText(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** `2024年5月6日`: how dates are written on paper. */
export function dateTextZh(d: CalendarDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}

/** True when the holiday data covers the year (2004–2026 today). */
export function isCoveredYear(year: number): boolean {
  return Object.prototype.hasOwnProperty.call(HOLIDAYS, `${year}-01-01`);
}

/** What a day is: a working day, a statutory holiday, a weekend, or a weekend day worked (调休上班). */
export type DayKind = "workday" | "holiday" | "weekend" | "makeup";

/** The kind of a day. In a year the data does not cover, Monday–Friday are workdays. */
export function dayKind(d: CalendarDate): DayKind {
  const key = dateText(d);
  if (WORKDAYS[key] !== undefined) return "makeup";
  if (HOLIDAYS[key] !== undefined) return "holiday";
  const w = new Date(toUtc(d)).getUTCDay();
  return w === 0 || w === 6 ? "weekend" : "workday";
}

/** True for a working day: Monday–Friday that is no statutory holiday, or a 调休 working weekend day. */
export function isWorkingDay(d: CalendarDate): boolean {
  const k = dayKind(d);
  return k === "workday" || k === "makeup";
}

/** Working days from start to end, both included (0 when end is before start). */
export function countWorkingDays(start: CalendarDate, end: CalendarDate): number {
  let n = 0;
  for (let t = toUtc(start); t <= toUtc(end); t += DAY) if (isWorkingDay(fromUtc(t))) n++;
  return n;
}

/** 000 §三(三): 公示时间不少于7个工作日. */
export const PUBLICITY_MIN_WORKING_DAYS = 7;

/**
 * The earliest end date giving `days` working days from start, the start day included when it is a
 * working day (the period printed on the notice is "start 至 end"). days ≥ 1.
 * @example publicityEndDate({ year: 2026, month: 9, day: 28 }) // 2026-10-12 (国庆: 10-01…07 off, 10-10 worked)
 */
export function publicityEndDate(start: CalendarDate, days = PUBLICITY_MIN_WORKING_DAYS): CalendarDate {
  let t = toUtc(start);
  let n = isWorkingDay(start) ? 1 : 0;
  while (n < days) {
    t += DAY;
    if (isWorkingDay(fromUtc(t))) n++;
  }
  return fromUtc(t);
}

/** The years from start to end that the holiday data does not cover. */
export function uncoveredYears(start: CalendarDate, end: CalendarDate): number[] {
  const out: number[] = [];
  for (let y = Math.min(start.year, end.year); y <= Math.max(start.year, end.year); y++) if (!isCoveredYear(y)) out.push(y);
  return out;
}

/**
 * What the sheet and the task pane say about the count: which holidays it follows, or — for a period
 * reaching into a year the data does not cover — that those years are counted Monday–Friday.
 */
export function calendarNote(start: CalendarDate, end: CalendarDate): { readonly zh: string; readonly en: string; readonly covered: boolean } {
  const missing = uncoveredYears(start, end);
  if (missing.length === 0) {
    return {
      covered: true,
      zh: "工作日已扣除法定节假日、计入调休上班日（按国务院办公厅公布的节假日安排）",
      en: "working days exclude statutory holidays and include the weekend days worked in exchange (调休), per the State Council's published arrangements",
    };
  }
  const ys = missing.join("、");
  return {
    covered: false,
    zh: `${ys}年的法定节假日安排未收录（本工具数据为 ${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last} 年），该年按周一至周五计算，未扣除节假日和调休，请对照国务院办公厅公布的安排核对公示期`,
    en: `the holiday arrangement of ${missing.join(", ")} is not in the data (${HOLIDAY_YEARS.first}–${HOLIDAY_YEARS.last}); that year is counted Monday to Friday without holidays or 调休 — check the period against the State Council's arrangement`,
  };
}
