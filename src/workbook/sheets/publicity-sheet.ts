/**
 * 公示 — the print-ready list for the 7-working-day publicity period (乐政办发〔2023〕47号 第三条（三）):
 * 房号, 建筑面积, 应分摊, 救助, 应缴, with no names or statuses of hardship households (privacy), the
 * project header and the publicity dates counted on the real calendar (statutory holidays and 调休).
 */
import { CITATIONS, CalcResult, Fen, message } from "../../engine";
import { CellValue, SheetData } from "../grid";
import { FORMATS, SHEETS } from "../layout";
import { CalendarDate, PUBLICITY_MIN_WORKING_DAYS, calendarNote, countWorkingDays, dateText, dateTextZh, publicityEndDate } from "./calendar";
import { elevatorPublicityColumns } from "./elevator-lines";
import { ColumnPlan, PaperSheet } from "./paper";
import { M, householdArea, moneyText, projectName, yuan } from "./text";

/** A column added to 公示 after 应缴 (issue 13: 电梯分摊); values per household in result order. */
export interface PublicityColumn {
  readonly header: string;
  readonly values: readonly CellValue[];
  readonly total?: CellValue;
  readonly format?: string;
}

export interface PublicityOptions {
  readonly start: CalendarDate;
  /** Default: the 7th working day from start (start included when it is a working day). */
  readonly end?: CalendarDate;
  /** Who publishes it (e.g. the 社区); printed under the title. */
  readonly publisher?: string;
  /** Columns after 应缴 (none by default). */
  readonly extraColumns?: readonly PublicityColumn[];
}

/** What the calendar says about the period: shown under it on the sheet, and by the task pane. */
export interface CalendarNote {
  readonly zh: string;
  readonly en: string;
  /** False when the period reaches a year the holiday data does not cover (counted Monday–Friday). */
  readonly covered: boolean;
}

export type PublicityResult =
  | { readonly ok: true; readonly sheet: SheetData; readonly end: CalendarDate; readonly days: number; readonly calendar: CalendarNote }
  | { readonly ok: false; readonly zh: string; readonly en: string };

/**
 * 公示: a print-ready list for the publicity period — 房号, 建筑面积, 应分摊, 救助 (临时救助 + 送温暖, one
 * figure so no category shows), 应缴 — with no names or hardship statuses (privacy), the project
 * header and the publicity dates. Fails when the period is shorter than 7 working days (statutory
 * holidays not counted, 调休 working weekends counted).
 */
export function buildPublicitySheet(result: CalcResult, options: PublicityOptions): PublicityResult {
  const end = options.end ?? publicityEndDate(options.start);
  const days = countWorkingDays(options.start, end);
  if (days < PUBLICITY_MIN_WORKING_DAYS) {
    return { ok: false, ...message("publicity.tooShort", { start: dateText(options.start), end: dateText(end), days }) };
  }
  const calendar = calendarNote(options.start, end);
  const extra = options.extraColumns ?? elevatorPublicityColumns(result);
  // A notice board list: the table across the portrait page — roomy columns, narrower ones when the
  // elevator columns join them (two more still fit at 100%).
  const mins = extra.length === 0 ? [7, 14, 14, 18, 16, 18] : [6, 11, 11, 14, 12, 14];
  const columns: ColumnPlan[] = [{ align: "center", min: mins[0] }, ...mins.slice(1).map((min) => ({ min })), ...extra.map(() => ({ min: 12 }))];
  const b = new PaperSheet(SHEETS.publicity, columns, { orientation: "portrait" });
  const p = result.project;
  b.title(`${projectName(result)} 居民出资公示`);
  b.info(
    [
      ...(options.publisher !== undefined ? [`公示单位：${options.publisher}`] : []),
      `公示期：${dateTextZh(options.start)} 至 ${dateTextZh(end)}（${days} 个工作日）`,
      "金额单位：元；面积单位：m²",
    ].join("　　"),
  );
  b.note(`公示时间不少于 ${PUBLICITY_MIN_WORKING_DAYS} 个工作日（${CITATIONS.publicity}）。${calendar.covered ? "" : "注意："}${calendar.zh}。`);
  b.note(
    `项目总投资 ${moneyText(p.totalInvestment)} 元，其中居民自筹 ${moneyText(p.residentTotal)} 元、社会资金 ${moneyText(p.socialCapital)} 元、财政补助 ${moneyText(p.fiscalSubsidy)} 元。`,
  );
  const headerRow = b.header(["序号", "房号", "建筑面积", "应分摊", "救助", "应缴", ...extra.map((c) => c.header)]);
  b.repeatHeader(headerRow);
  const f = [FORMATS.integer, FORMATS.text, FORMATS.area, M, M, M, ...extra.map((c) => c.format ?? M)];
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  hs.forEach((h, i) =>
    b.body([i + 1, h.id, Number(rows[i].area), yuan(h.gross), yuan((h.relief + h.grant) as Fen), yuan(h.net), ...extra.map((c) => c.values[i] ?? null)], f),
  );
  const t = result.totals;
  if (t !== undefined) {
    b.total(
      [
        "合计",
        `${hs.length} 户`,
        householdArea(result).toNumber(),
        yuan(t.gross),
        yuan((t.relief + t.grant) as Fen),
        yuan(t.net),
        ...extra.map((c) => c.total ?? null),
      ],
      ["General", "General", ...f.slice(2)],
    );
  }
  b.note(`“救助”含民政临时救助与总工会送温暖补助（${CITATIONS.relief}、${CITATIONS.grant}），不公示个人身份信息。如有异议，请在公示期内向公示单位反映。`);
  b.blank();
  b.plain([null, null, null, "公示单位（盖章）：", null, null], [], [[3, 5]]);
  b.plain([null, null, null, `日期：${dateTextZh(options.start)}`, null, null], [], [[3, 5]]);
  return { ok: true, sheet: b.finish({ freezeRows: headerRow }), end, days, calendar };
}
