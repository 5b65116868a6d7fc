/**
 * 公示 — the print-ready list for the 7-working-day publicity period (000 §三(三)): 房号, 建筑面积, 应分摊,
 * 救助, 应缴, with no names or statuses of hardship households (privacy), the project header and the dates.
 */
import { CITATIONS, CalcResult, Fen, message } from "../../engine";
import { SheetBuilder, SheetData, printSpec } from "../grid";
import { FORMATS, SHEETS } from "../layout";
import { CalendarDate, PUBLICITY_MIN_WORKING_DAYS, WORKING_DAYS_NOTE, countWorkingDays, dateText, publicityEndDate } from "./calendar";
import { M, householdArea, money, yuan } from "./text";

export interface PublicityOptions {
  readonly start: CalendarDate;
  /** Default: the 7th working day from start. */
  readonly end?: CalendarDate;
  /** Who publishes it (e.g. the 社区); printed under the title. */
  readonly publisher?: string;
}

/**
 * 公示: a print-ready list for the publicity period — 房号, 建筑面积, 应分摊, 救助 (临时救助 + 送温暖, one
 * figure so no category shows), 应缴 — with no names or hardship statuses (privacy), the project
 * header and the publicity dates. Fails when the period is shorter than 7 working days (000 §三(三)).
 */
export function buildPublicitySheet(result: CalcResult, options: PublicityOptions): { ok: true; sheet: SheetData } | { ok: false; zh: string; en: string } {
  const end = options.end ?? publicityEndDate(options.start);
  const days = countWorkingDays(options.start, end);
  if (days < PUBLICITY_MIN_WORKING_DAYS) {
    return { ok: false, ...message("publicity.tooShort", { start: dateText(options.start), end: dateText(end), days }) };
  }
  const b = new SheetBuilder();
  const p = result.project;
  b.row([`${result.input.project.name ?? "老旧小区改造项目"} 居民出资公示`], [], true);
  if (options.publisher !== undefined) b.row([`公示单位：${options.publisher}`]);
  b.row([`公示期：${dateText(options.start)} 至 ${dateText(end)}（${days} 个工作日，不少于 7 个工作日 — ${CITATIONS.publicity}）`]);
  b.row([`注：${WORKING_DAYS_NOTE.zh}。`]);
  b.row(["总投资（元）", money(p.totalInvestment), "财政补助（元）", money(p.fiscalSubsidy)], ["General", M, "General", M]);
  b.row(["居民自筹（元）", money(p.residentTotal), "社会资金（元）", money(p.socialCapital)], ["General", M, "General", M]);
  b.blank();
  const headerRow = b.row(["序号", "房号", "建筑面积", "应分摊", "救助", "应缴"], [], true);
  const f = ["0", "@", FORMATS.area, M, M, M];
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  hs.forEach((h, i) => b.row([i + 1, h.id, Number(rows[i].area), yuan(h.gross), yuan((h.relief + h.grant) as Fen), yuan(h.net)], f));
  const t = result.totals;
  if (t !== undefined) {
    b.row(["合计", `${hs.length} 户`, householdArea(result).toNumber(), yuan(t.gross), yuan((t.relief + t.grant) as Fen), yuan(t.net)], f, true);
  }
  b.blank();
  b.row([`“救助”含民政临时救助与总工会送温暖补助（${CITATIONS.relief}、${CITATIONS.grant}）。如有异议，请在公示期内向社区反映。`]);
  const { values, numberFormats } = b.rectangle();
  return {
    ok: true,
    sheet: {
      name: SHEETS.publicity,
      values,
      numberFormats,
      columnWidths: [12, 12, 12, 16, 14, 16],
      boldRows: b.boldRows,
      freezeRows: headerRow,
      print: printSpec("portrait", headerRow),
    },
  };
}
