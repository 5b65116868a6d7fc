/**
 * The 公示 calendar: China's statutory holidays and 调休 working weekends from the vendored chinese-days
 * data, counted on calendar dates. The oracle is the State Council's published arrangements for 2025 and
 * 2026 (国办发明电〔2024〕12号 and the 2026 notice, transcribed in /work/notes/holidays.md), typed here
 * by hand — not the data file itself.
 */
import { CalendarDate, HOLIDAY_YEARS, calendarNote, countWorkingDays, dayKind, isCoveredYear, isWorkingDay, publicityEndDate } from "../../src/workbook";

const d = (s: string): CalendarDate => {
  const [year, month, day] = s.split("-").map(Number);
  return { year, month, day };
};

/** Every date from..to (inclusive) as `YYYY-MM-DD`. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8)); ; t += 86_400_000) {
    const s = new Date(t).toISOString().slice(0, 10);
    out.push(s);
    if (s === to) return out;
  }
}

/** The published arrangements: days off and the weekend days worked in exchange. */
const PUBLISHED: Record<number, { off: string[]; worked: string[] }> = {
  2025: {
    off: [
      "2025-01-01",
      ...range("2025-01-28", "2025-02-04"),
      ...range("2025-04-04", "2025-04-06"),
      ...range("2025-05-01", "2025-05-05"),
      ...range("2025-05-31", "2025-06-02"),
      ...range("2025-10-01", "2025-10-08"),
    ],
    worked: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  },
  2026: {
    off: [
      ...range("2026-01-01", "2026-01-03"),
      ...range("2026-02-15", "2026-02-23"),
      ...range("2026-04-04", "2026-04-06"),
      ...range("2026-05-01", "2026-05-05"),
      ...range("2026-06-19", "2026-06-21"),
      ...range("2026-09-25", "2026-09-27"),
      ...range("2026-10-01", "2026-10-07"),
    ],
    worked: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
};

describe("the holiday calendar", () => {
  test.each([2025, 2026])("agrees with the published arrangement of %i on every day of the year", (year) => {
    const { off, worked } = PUBLISHED[year];
    const wrong: string[] = [];
    for (const s of range(`${year}-01-01`, `${year}-12-31`)) {
      const weekday = new Date(`${s}T00:00:00Z`).getUTCDay();
      const expected = worked.includes(s) ? true : off.includes(s) ? false : weekday >= 1 && weekday <= 5;
      if (isWorkingDay(d(s)) !== expected) wrong.push(s);
    }
    expect(wrong).toEqual([]);
  });

  test("names the kind of a day", () => {
    expect(["2026-10-01", "2026-10-10", "2026-10-11", "2026-10-12"].map((s) => dayKind(d(s)))).toEqual(["holiday", "makeup", "weekend", "workday"]);
  });

  test("covers 2004–2026 and knows that 2027 is not published", () => {
    expect(HOLIDAY_YEARS).toEqual({ first: 2004, last: 2026 });
    expect([2003, 2004, 2026, 2027].map(isCoveredYear)).toEqual([false, true, true, false]);
    // An uncovered year counts Monday–Friday: 2027-01-01 is a Friday.
    expect(isWorkingDay(d("2027-01-01"))).toBe(true);
  });

  test.each([
    // 2026-09-28 (Mon): 9-28, 9-29, 9-30, 10-08, 10-09, 10-10 (Sat, 调休), 10-12.
    ["2026-09-28", "2026-10-12"],
    // Starting inside 春节 2026: 02-24, 25, 26, 27, 28 (Sat, 调休), 03-02, 03-03.
    ["2026-02-20", "2026-03-03"],
    // 2025-01-24 (Fri): 1-24, 1-26 (Sun, 调休), 1-27, 2-05, 2-06, 2-07, 2-08 (Sat, 调休).
    ["2025-01-24", "2025-02-08"],
  ])("the 7th working day from %s is %s", (start, end) => {
    expect(publicityEndDate(d(start))).toEqual(d(end));
    expect(countWorkingDays(d(start), d(end))).toBe(7);
  });

  test("says when a period runs into a year the data does not cover", () => {
    const inside = calendarNote(d("2026-09-28"), d("2026-10-12"));
    expect(inside.covered).toBe(true);
    expect(inside.zh).toBe("工作日已扣除法定节假日、计入调休上班日（按国务院办公厅公布的节假日安排）");
    const into2027 = calendarNote(d("2026-12-28"), d("2027-01-05"));
    expect(into2027).toEqual({
      covered: false,
      zh: "2027年的法定节假日安排未收录（本工具数据为 2004–2026 年），该年按周一至周五计算，未扣除节假日和调休，请对照国务院办公厅公布的安排核对公示期",
      en: "the holiday arrangement of 2027 is not in the data (2004–2026); that year is counted Monday to Friday without holidays or 调休 — check the period against the State Council's arrangement",
    });
  });

  test("counts on calendar dates: the same answer in any time zone of the machine", () => {
    // The counter never reads the local clock or time zone (chinese-days' own functions shift a day
    // west of UTC): it works on (year, month, day) with UTC arithmetic only.
    const before = process.env.TZ;
    try {
      for (const tz of ["America/Los_Angeles", "Asia/Shanghai", "Pacific/Kiritimati"]) {
        process.env.TZ = tz;
        expect([tz, publicityEndDate(d("2026-09-28"))]).toEqual([tz, d("2026-10-12")]);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});
