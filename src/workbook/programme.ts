/**
 * The programme summary (issue 6, batch): one row per project workbook, a programme total row, projects
 * whose resident funds are 100% collected listed first (000 §五(三): 居民自筹资金率先达到100%的优先安排
 * 财政补助资金). A workbook that could not be read keeps its row, with its problems.
 */
import Decimal from "decimal.js";
import { APPROVAL_PATH_TEXTS, Dec, Fen, Money, displayRatio, fenToMoney, fenToYuan, moneyToYuan, roundFen } from "../engine";
import { CellValue, SheetData } from "./grid";
import { FORMATS, STAGE_LABELS } from "./layout";
import { WorkbookError, WorkbookRead, formatWorkbookError } from "./read";
import { ColumnPlan, M, PaperSheet, ProgrammeElevatorFigures, localDate, programmeElevatorFigures, sumProgrammeElevators } from "./sheets";

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
  "电梯台数",
  "电梯业主分摊",
  "电梯未到位",
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

/** Columns of 项目汇总 on paper: texts wrap, flags centred; two landscape pages wide, 序号–项目名称 on both. */
const PROGRAMME_COLUMNS: readonly ColumnPlan[] = PROGRAMME_HEADERS.map((h): ColumnPlan => {
  switch (h) {
    case "序号":
    case "测算阶段":
    case "自筹资金已全部到位":
    case "表决通过":
    case "审批路径":
      return { align: "center" };
    case "文件":
      return { wrapAt: 16 };
    case "项目名称":
      return { wrapAt: 26 };
    case "问题":
      return { wrapAt: 24, min: 16 };
    default:
      return {};
  }
});

/** Options of 项目汇总. */
export interface ProgrammeOptions {
  /** The date shown under the title. */
  readonly time?: Date;
}

/**
 * The 项目汇总 sheet: a title block, then a table with one row per project and a programme total row
 * (exact sums; the total collection rate is Σ min(paid, net) ÷ Σ net over every household of the
 * readable projects). 未到位金额 = Σ 应缴 - Σ min(已缴, 应缴) (元); 审批路径 in its short form (三合一 /
 * 二合一 / 分别审批); 电梯台数 / 电梯业主分摊 / 电梯未到位 for projects with new elevators (elevator-rules.md,
 * outside T); 问题 holds only what stopped a workbook (input errors, unreadable files).
 * Printed landscape, two pages wide at 100% (序号, 文件 and 项目名称 repeated on the second page).
 */
export function buildProgrammeSheet(entries: readonly ProgrammeEntry[], options: ProgrammeOptions = {}): SheetData {
  const ordered = orderProgramme(entries);
  const b = new PaperSheet(PROGRAMME_SHEET, PROGRAMME_COLUMNS, { orientation: "landscape", pagesWide: 2, titleColumns: [0, 2] });
  const formats = ["0", "General", "General", "General", M, M, M, M, M, "#,##0", FORMATS.percent, M, "General", "General", "General", "#,##0", M, M, "General"];
  b.title(`项目汇总（${ordered.length} 个项目）`);
  b.info([...(options.time !== undefined ? [`日期：${localDate(options.time)}`] : []), "金额单位：元"].join("　"));
  b.note("排序：自筹资金已全部到位的项目在前（乐政办发〔2023〕47号 第五条（三）），无法测算的工作簿在后，其问题见“问题清单”。");
  const header = b.header([...PROGRAMME_HEADERS]);
  b.repeatHeader(header);
  const elevators: (ProgrammeElevatorFigures | undefined)[] = [];
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
      b.body([i + 1, e.file, ...new Array<CellValue>(PROGRAMME_HEADERS.length - 3).fill(null), problemsText(e)], formats);
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
    // 加装电梯 (elevator-rules.md): separate from T, R, S, F; blank for a project without elevators.
    const el = programmeElevatorFigures(r);
    elevators.push(el);
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
      el === undefined ? null : el.elevators,
      el === undefined ? null : moneyToYuan(el.ownersPart),
      el === undefined ? null : fenToYuan(el.outstanding as Fen),
      null,
    ];
    b.body(row, formats);
  });
  // Sums over many projects may pass 2^53 fen: Decimals, exact.
  const elevatorSum = sumProgrammeElevators(elevators);
  const rate: Decimal = sum.net.isZero() ? new Dec(1) : sum.collected.dividedBy(sum.net);
  const bad = ordered.length - sum.ok;
  b.total(
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
      elevatorSum.elevators,
      moneyToYuan(elevatorSum.ownersPart),
      moneyToYuan(elevatorSum.outstanding),
      null,
    ],
    formats.map((f, i) => (i === 0 ? "General" : f)),
  );
  return b.finish({
    table: { name: PROGRAMME_TABLE, top: header, left: 1, columns: [...PROGRAMME_HEADERS], rows: ordered.length, totalsRow: true },
    freezeRows: header,
  });
}
