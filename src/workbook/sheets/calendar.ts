/**
 * Calendar dates and the working days of the 公示 period (000 §三(三): 公示时间不少于7个工作日).
 * Working days are Monday–Friday here; public holidays and make-up working days (调休) are not known,
 * so every place that shows a count says so (`WORKING_DAYS_NOTE`).
 */

/** A calendar date (no time zone): month 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const toUtc = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);
const fromUtc = (t: number): CalendarDate => {
  const x = new Date(t);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
};
const DAY = 86_400_000;
const isWeekday = (t: number) => {
  const w = new Date(t).getUTCDay();
  return w !== 0 && w !== 6;
};

/** `2024-05-06`. */
export function dateText(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** Working days (Monday–Friday) from start to end, both included. */
export function countWorkingDays(start: CalendarDate, end: CalendarDate): number {
  let n = 0;
  for (let t = toUtc(start); t <= toUtc(end); t += DAY) if (isWeekday(t)) n++;
  return n;
}

/** 000 §三(三): 公示时间不少于7个工作日. */
export const PUBLICITY_MIN_WORKING_DAYS = 7;

/** The earliest end date giving `days` working days from start (included). days ≥ 1. */
export function publicityEndDate(start: CalendarDate, days = PUBLICITY_MIN_WORKING_DAYS): CalendarDate {
  let t = toUtc(start);
  let n = isWeekday(t) ? 1 : 0;
  while (n < days) {
    t += DAY;
    if (isWeekday(t)) n++;
  }
  return fromUtc(t);
}

/** Said wherever a working-day count is shown: the count is Monday–Friday only. */
export const WORKING_DAYS_NOTE = {
  zh: "工作日按周一至周五计算，未扣除法定节假日和调休，请核对",
  en: "working days are counted Monday to Friday; public holidays and make-up working days are not taken into account — please check",
} as const;
