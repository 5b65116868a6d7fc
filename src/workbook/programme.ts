/**
 * The programme summary (issue 6, batch): one row per project workbook, a programme total row, projects
 * whose resident funds are 100% collected listed first (000 §五(三): 居民自筹资金率先达到100%的优先安排
 * 财政补助资金). A workbook that could not be read keeps its row, with its problems.
 */
import Decimal from "decimal.js";
import { APPROVAL_PATH_TEXTS, Dec, Fen, Money, displayRatio, fenToMoney, fenToYuan, moneyToYuan, roundFen } from "../engine";
import { CellValue, SheetBuilder, SheetData, columnLetter, printSpec } from "./grid";
import { FORMATS, STAGE_LABELS } from "./layout";
import { WorkbookError, WorkbookRead, formatWorkbookError } from "./read";

/** One workbook of the batch: read and calculated, or the problems that stopped it. */
export type ProgrammeEntry =
  | { readonly file: string; readonly ok: true; readonly read: WorkbookRead }
  | { readonly file: string; readonly ok: false; readonly errors: readonly WorkbookError[]; readonly message?: string };

export const PROGRAMME_SHEET = "项目汇总";
export const PROGRAMME_TABLE = "ProgrammeTable";

export const PROGRAMME_HEADERS: readonly string[] = [
  "序号",
  "文件",
  "项目名称",
  "测算阶段",
  "总投资 T",
  "居民自筹 R",
  "社会资金 S",
  "财政补助 F",
  "每平方米财政补助",
  "户数",
  "到位比例",
  "未到位金额",
  "自筹资金已全部到位",
  "表决通过",
  "审批路径",
  "问题",
];

/** Order of the summary: fully collected first, then the others, then unreadable workbooks; by file name within each. */
export function orderProgramme(entries: readonly ProgrammeEntry[]): ProgrammeEntry[] {
  const rank = (e: ProgrammeEntry) => (!e.ok ? 2 : e.read.result.totals?.fullyCollected === true ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Problems text of a failed entry (the first 20, then a count). */
export function problemsText(e: ProgrammeEntry): string {
  if (e.ok) return "";
  const lines = e.errors.slice(0, 20).map((x) => formatWorkbookError(x, "zh"));
  if (e.message !== undefined) lines.unshift(e.message);
  if (e.errors.length > 20) lines.push(`……共 ${e.errors.length} 处`);
  return lines.join("\n");
}

/**
 * The 项目汇总 sheet: a table with one row per project and a programme total row (exact sums; the total
 * collection rate is Σ min(paid, net) ÷ Σ net over every household of the readable projects).
 * 未到位金额 = Σ 应缴 − Σ min(已缴, 应缴) (元); 审批路径 in its short form (三合一 / 二合一 / 分别审批);
 * 问题 holds only what stopped a workbook (input errors, unreadable files).
 */
export function buildProgrammeSheet(entries: readonly ProgrammeEntry[]): SheetData {
  const ordered = orderProgramme(entries);
  const b = new SheetBuilder();
  const M = FORMATS.money;
  const formats = ["0", "General", "General", "General", M, M, M, M, M, "#,##0", FORMATS.percent, M, "General", "General", "General", "General"];
  b.row([...PROGRAMME_HEADERS], [], true);
  const sum = {
    T: new Dec(0),
    R: new Dec(0),
    S: new Dec(0),
    F: new Dec(0),
    area: new Dec(0),
    households: 0,
    net: new Dec(0),
    collected: new Dec(0),
    full: 0,
    ok: 0,
    votes: 0,
  };
  ordered.forEach((e, i) => {
    if (!e.ok) {
      b.row([i + 1, e.file, null, null, null, null, null, null, null, null, null, null, null, null, null, problemsText(e)], formats);
      return;
    }
    const r = e.read.result;
    const p = r.project;
    const t = r.totals;
    sum.T = sum.T.plus(p.totalInvestment);
    sum.R = sum.R.plus(p.residentTotal);
    sum.S = sum.S.plus(p.socialCapital);
    sum.F = sum.F.plus(p.fiscalSubsidy);
    sum.area = sum.area.plus(r.input.project.area);
    sum.households += r.households?.length ?? 0;
    sum.net = sum.net.plus(t?.net ?? 0);
    sum.collected = sum.collected.plus(t?.collected ?? 0);
    sum.ok++;
    if (t?.fullyCollected === true) sum.full++;
    if (r.vote?.approvalPassed === true) sum.votes++;
    const row: CellValue[] = [
      i + 1,
      e.file,
      r.input.project.name ?? null,
      STAGE_LABELS[e.read.stage],
      moneyToYuan(p.totalInvestment),
      moneyToYuan(p.residentTotal),
      moneyToYuan(p.socialCapital),
      moneyToYuan(p.fiscalSubsidy),
      moneyToYuan(p.fiscalPerSqm),
      r.households?.length ?? 0,
      t === undefined ? null : displayRatio(t.collectionRate),
      t === undefined ? null : fenToYuan((t.net - t.collected) as Fen),
      t === undefined ? null : t.fullyCollected ? "是" : "否",
      r.vote === undefined ? "未表决" : r.vote.approvalPassed ? "通过" : "未通过",
      APPROVAL_PATH_TEXTS[p.approvalPath].short,
      null,
    ];
    b.row(row, formats);
  });
  // Sums over many projects may pass 2^53 fen: Decimals, exact.
  const rate: Decimal = sum.net.isZero() ? new Dec(1) : sum.collected.dividedBy(sum.net);
  const bad = ordered.length - sum.ok;
  b.row(
    [
      "合计",
      `${ordered.length} 个项目`,
      bad > 0 ? `${bad} 个无法测算` : null,
      null,
      moneyToYuan(sum.T as Money),
      moneyToYuan(sum.R as Money),
      moneyToYuan(sum.S as Money),
      moneyToYuan(sum.F as Money),
      sum.area.isZero() ? null : moneyToYuan(roundFen(sum.F.dividedBy(sum.area))),
      sum.households,
      displayRatio(rate),
      moneyToYuan(fenToMoney(sum.net.minus(sum.collected))),
      `${sum.full} / ${sum.ok}`,
      `${sum.votes} / ${sum.ok}`,
      null,
      null,
    ],
    formats,
    true,
  );
  const { values, numberFormats } = b.rectangle();
  const problems = columnLetter(PROGRAMME_HEADERS.indexOf("问题") + 1);
  return {
    name: PROGRAMME_SHEET,
    values,
    numberFormats,
    columnWidths: [6, 22, 30, 8, 16, 16, 14, 16, 12, 8, 10, 14, 10, 8, 10, 60],
    table: { name: PROGRAMME_TABLE, top: 1, left: 1, columns: [...PROGRAMME_HEADERS], rows: ordered.length, totalsRow: true },
    freezeRows: 1,
    boldRows: b.boldRows,
    // 问题 may hold several lines.
    wrap: ordered.length > 0 ? [`${problems}2:${problems}${ordered.length + 1}`] : [],
    print: printSpec("landscape", 1),
  };
}
