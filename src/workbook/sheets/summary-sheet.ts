/**
 * 资金汇总 — the project at a glance (workbook-layout.md): policy, stage, T, R0, X, R by tier, S, F, F/m²,
 * cap, elevator cost, approval path, collection, vote; 概算 / 决算 / 差额 columns when both stages are
 * filled; the data of two charts (the task pane draws them in Excel).
 */
import {
  APPROVAL_PATH_TEXTS,
  CITATIONS,
  CalcResult,
  Dec,
  Fen,
  PARAMETER_KEYS,
  PARAMETER_NOTES,
  POLICY_NAMES,
  TIERS,
  displayRatio,
  isBuiltInPolicyId,
  policyParameters,
} from "../../engine";
import { CellValue, ChartSpec, SheetBuilder, SheetData, cellAddress, printSpec, rangeAddress } from "../grid";
import { FORMATS, STAGE_LABELS, SHEETS, Stage } from "../layout";
import { StageBasis, stageReason } from "../read";
import { M, TIER_LABELS, formatFor, money, passed, yesNo, yuan } from "./text";

/** Rows of the funding table: label, value per stage (money unless stated), rule cited. */
interface FundingLine {
  label: string;
  value: (r: CalcResult) => CellValue;
  format?: string;
  /** Text lines have no difference. */
  text?: boolean;
  rule: string;
}

const FUNDING_LINES: readonly FundingLine[] = [
  { label: "改造建筑面积（m²，含公摊）", value: (r) => r.input.project.area.toNumber(), format: FORMATS.area, rule: CITATIONS.funding },
  { label: "总投资 T（不含加装电梯）", value: (r) => money(r.project.totalInvestment), rule: CITATIONS.funding },
  { label: "居民出资基数 R0", value: (r) => money(r.project.residentBase), rule: `${CITATIONS.funding} 按改造内容加权` },
  { label: "未封顶财政补助 F0 = T − R0 − S", value: (r) => money(r.project.uncappedSubsidy), rule: CITATIONS.funding },
  {
    label: "财政补助上限",
    value: (r) => (r.project.subsidyCap === null ? "不设上限" : money(r.project.subsidyCap)),
    rule: `${CITATIONS.funding} 300元/m²`,
  },
  { label: "超上限部分（居民自理）X", value: (r) => money(r.project.capExcess), rule: `${CITATIONS.funding} 超出部分居民自理` },
  { label: "居民自筹 R = R0 + X", value: (r) => money(r.project.residentTotal), rule: CITATIONS.funding },
  ...TIERS.map((t): FundingLine => ({
    label: `  其中${TIER_LABELS[t]}`,
    value: (r) => money(r.project.residentByTier[t]),
    rule: `${CITATIONS.reading}：超上限部分按各类应得补助分担`,
  })),
  { label: "社会资金 S", value: (r) => money(r.project.socialCapital), rule: CITATIONS.funding },
  { label: "财政补助 F = min(F0, 上限)", value: (r) => money(r.project.fiscalSubsidy), rule: CITATIONS.funding },
  { label: "每平方米财政补助（元/m²）", value: (r) => money(r.project.fiscalPerSqm), rule: "F ÷ A，四舍五入到分" },
  { label: "加装电梯费用（另行补助，不计入总投资）", value: (r) => money(r.project.elevatorCost), rule: CITATIONS.funding },
  { label: "审批路径", value: (r) => APPROVAL_PATH_TEXTS[r.project.approvalPath].zh, text: true, rule: CITATIONS.approval },
];

/** The other stage of a read, for the 概算 / 决算 / 差额 columns. */
export interface OtherStage {
  readonly stage: Stage;
  readonly result: CalcResult;
}

/** The stage line's explanation: which column and why (the filled 决算 cost cells when known). */
function stageText(stage: Stage, basis?: StageBasis): string {
  if (basis === undefined) return stage === "settlement" ? `按核定的竣工财务决算（决算列已填）— ${CITATIONS.funding}` : "决算列未填，按概算测算";
  return stage === "settlement" ? `${stageReason(basis).zh}（按核定的竣工财务决算 — ${CITATIONS.funding}）` : stageReason(basis).zh;
}

/**
 * 资金汇总: policy, stage, T, R0, X, R by tier, S, F, F/m², cap, elevator, approval path, collection
 * rate and the 自筹资金已全部到位 flag, vote ratios and results; 概算 / 决算 / 差额 columns when both
 * stages are filled; chart data for the funding mix and for collection (the task pane draws the charts).
 * basis: why the stage was chosen (`WorkbookRead.stageBasis`), shown on the stage line.
 */
export function buildSummarySheet(result: CalcResult, stage: Stage, other?: OtherStage, basis?: StageBasis): SheetData {
  const b = new SheetBuilder();
  const wrap: string[] = [];
  const name = result.input.project.name ?? "（未命名项目）";
  b.row([`资金汇总 — ${name}`], [], true);
  b.row(["测算阶段", STAGE_LABELS[stage], stageText(stage, basis)]);
  b.blank();

  // Funding table.
  const est = other?.stage === "estimate" ? other.result : stage === "estimate" ? result : undefined;
  const set = stage === "settlement" ? result : other?.stage === "settlement" ? other.result : undefined;
  const both = est !== undefined && set !== undefined;
  b.row(["资金构成"], [], true);
  if (both) b.row(["项目", "概算", "决算", "差额（决算−概算）", "依据"], [], true);
  else b.row(["项目", STAGE_LABELS[stage], "依据"], [], true);
  for (const line of FUNDING_LINES) {
    const f = line.format ?? M;
    if (both) {
      const e = line.value(est!);
      const s = line.value(set!);
      const diff = !line.text && typeof e === "number" && typeof s === "number" ? diffNumber(e, s, f) : null;
      const r = b.row([line.label, e, s, diff, line.rule], ["General", formatFor(e, f), formatFor(s, f), f, "General"]);
      if (line.text) wrap.push(rangeAddress(r, 2, 1, 2));
    } else {
      const v = line.value(result);
      const r = b.row([line.label, v, line.rule], ["General", formatFor(v, f), "General"]);
      if (line.text) wrap.push(cellAddress(r, 2));
    }
  }
  b.blank();

  // Collection.
  const t = result.totals;
  b.row([`居民自筹收缴（${STAGE_LABELS[stage]}）`], [], true);
  if (t !== undefined) {
    const outstanding = t.net - t.collected;
    b.row(["住户数", (result.households ?? []).length], ["General", FORMATS.integer]);
    b.row(["应分摊合计", yuan(t.gross)], ["General", M]);
    b.row(["临时救助合计（民政）", yuan(t.relief)], ["General", M]);
    b.row(["送温暖补助合计（总工会）", yuan(t.grant)], ["General", M]);
    b.row(["应缴合计", yuan(t.net)], ["General", M]);
    b.row(["已缴合计", yuan(t.paid)], ["General", M]);
    b.row(["已到位（每户不超过应缴）", yuan(t.collected)], ["General", M]);
    b.row(["未到位", yuan(outstanding as Fen)], ["General", M]);
    b.row(["到位比例", displayRatio(t.collectionRate), "Σ min(已缴, 应缴) ÷ Σ 应缴（向下取到0.01%）"], ["General", FORMATS.percent]);
    b.row(["自筹资金已全部到位", yesNo(t.fullyCollected), `率先达到100%的优先安排财政补助 — ${CITATIONS.priority}`]);
  } else {
    b.row(["住户表为空，无收缴数据"]);
  }
  b.blank();

  // Vote.
  b.row(["居民表决"], [], true);
  const v = result.vote;
  if (v !== undefined) {
    b.row(["参与表决面积比例", displayRatio(v.participationAreaRatio), "≥ 2/3"], ["General", FORMATS.percent]);
    b.row(["参与表决户数比例", displayRatio(v.participationCountRatio), "≥ 2/3"], ["General", FORMATS.percent]);
    b.row(["参与表决（双三分之二）", passed(v.participationPassed), CITATIONS.vote]);
    b.row(["同意面积比例（占参与）", displayRatio(v.approvalAreaRatio), "≥ 3/4"], ["General", FORMATS.percent]);
    b.row(["同意户数比例（占参与）", displayRatio(v.approvalCountRatio), "≥ 3/4"], ["General", FORMATS.percent]);
    b.row(["同意改造（双四分之三）", passed(v.approvalPassed), CITATIONS.vote]);
  } else {
    b.row(["未填写参与表决情况"]);
  }
  b.blank();

  // Policy.
  const p = result.policy;
  b.row(["政策参数"], [], true);
  const baseName = isBuiltInPolicyId(p.base) ? POLICY_NAMES[p.base] : p.base;
  b.row(["政策", p.id === "custom" ? `custom（基于 ${p.base}，改动：${p.overridden.join(", ")}）` : p.id, baseName]);
  const params = policyParameters(p);
  for (const k of PARAMETER_KEYS) {
    const val = params[k];
    b.row([k, val === null ? "不设上限" : val, PARAMETER_NOTES[k]]);
  }
  b.blank();

  // Chart data.
  const charts: ChartSpec[] = [];
  b.row(["图表数据（图表由任务窗格在 Excel 中绘制）"], [], true);
  const mixTop = b.row(["资金构成", "金额（元）"], [], true);
  b.row(["居民自筹", money(result.project.residentTotal)], ["General", M]);
  b.row(["社会资金", money(result.project.socialCapital)], ["General", M]);
  b.row(["财政补助", money(result.project.fiscalSubsidy)], ["General", M]);
  charts.push({ title: "资金构成", type: "Pie", dataRange: rangeAddress(mixTop, 1, 4, 2), seriesBy: "Columns" });
  if (t !== undefined) {
    b.blank();
    const colTop = b.row(["收缴情况", "金额（元）"], [], true);
    b.row(["已缴到位", yuan(t.collected)], ["General", M]);
    b.row(["未到位", yuan((t.net - t.collected) as Fen)], ["General", M]);
    charts.push({ title: "收缴情况", type: "Pie", dataRange: rangeAddress(colTop, 1, 3, 2), seriesBy: "Columns" });
  }

  const { values, numberFormats } = b.rectangle();
  return {
    name: SHEETS.summary,
    values,
    numberFormats,
    columnWidths: both ? [36, 20, 20, 18, 30] : [36, 26, 52],
    boldRows: b.boldRows,
    charts,
    wrap,
    print: printSpec("portrait"),
  };
}

/** s − e for two cell numbers written from exact values (money: two decimals; area: as given). */
function diffNumber(e: number, s: number, format: string): number {
  const d = new Dec(s).minus(new Dec(e));
  return format === M ? Number(d.toFixed(2)) : d.toNumber();
}
