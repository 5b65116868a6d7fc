/**
 * 资金汇总 — the project at a glance (workbook-layout.md): policy, stage, T, R0, X, R by tier, S, F, F/m²,
 * cap, elevator cost, approval path, collection, vote; 概算 / 决算 / 差额 columns when both stages are
 * filled; the data of two charts (the task pane draws them in Excel). Printed portrait on A4: the 依据
 * column is a wrapped text column, indented off the right-aligned amounts before it.
 */
import Decimal from "decimal.js";
import {
  APPROVAL_PATH_TEXTS,
  CITATIONS,
  CalcResult,
  Dec,
  Fen,
  PARAMETER_KEYS,
  PARAMETER_NOTES,
  POLICY_NAMES,
  ParameterKey,
  TIERS,
  Tier,
  displayRatio,
  exactPercentText,
  isBuiltInPolicyId,
  policyParameters,
  roundFen,
} from "../../engine";
import { CellValue, ChartSpec, SheetData, rangeAddress } from "../grid";
import { FORMATS, STAGE_LABELS, SHEETS, Stage } from "../layout";
import { StageBasis, stageReason } from "../read";
import { elevatorSummaryBlocks } from "./elevator-lines";
import { ColumnPlan, PaperSheet } from "./paper";
import { M, SheetContext, TIER_LABELS, formatFor, infoLine, money, moneyText, passed, yesNo, yuan } from "./text";

/** Rows of the funding table: label, value per stage (money unless stated), rule cited. */
interface FundingLine {
  label: string;
  value: (r: CalcResult) => CellValue;
  format?: string;
  /** Text lines have no difference. */
  text?: boolean;
  rule: (r: CalcResult) => string;
}

const rule = (text: string) => () => text;

const FUNDING_LINES: readonly FundingLine[] = [
  { label: "改造建筑面积（m²，含公摊）", value: (r) => r.input.project.area.toNumber(), format: FORMATS.area, rule: rule(`${CITATIONS.funding}：含公摊`) },
  {
    label: "总投资 T（不含加装电梯）",
    value: (r) => money(r.project.totalInvestment),
    rule: rule(`${CITATIONS.funding}：按核定的竣工财务决算数，不含加装电梯`),
  },
  { label: "居民出资基数 R0", value: (r) => money(r.project.residentBase), rule: rule(`${CITATIONS.funding}：按改造内容 10% / 30% / 70% 加权`) },
  { label: "未封顶财政补助 F0 = T - R0 - S", value: (r) => money(r.project.uncappedSubsidy), rule: rule(CITATIONS.funding) },
  {
    label: "财政补助上限",
    value: (r) => (r.project.subsidyCap === null ? "不设上限" : money(r.project.subsidyCap)),
    rule: (r) => (r.policy.capPerSqm === null ? "政策参数未设上限" : `${CITATIONS.funding}：${moneyText(roundFen(r.policy.capPerSqm))} 元/m² × 面积`),
  },
  { label: "超上限部分 X（居民自理）", value: (r) => money(r.project.capExcess), rule: rule(`${CITATIONS.funding}：超出部分居民自理`) },
  { label: "居民自筹 R = R0 + X", value: (r) => money(r.project.residentTotal), rule: rule(CITATIONS.funding) },
  ...TIERS.map((t): FundingLine => ({
    label: `\u3000其中${TIER_LABELS[t]}`,
    value: (r) => money(r.project.residentByTier[t]),
    rule: rule(`${CITATIONS.reading}：超上限部分按各类应得补助分担`),
  })),
  { label: "社会资金 S", value: (r) => money(r.project.socialCapital), rule: rule(CITATIONS.funding) },
  { label: "财政补助 F = min(F0, 上限)", value: (r) => money(r.project.fiscalSubsidy), rule: rule(CITATIONS.funding) },
  { label: "每平方米财政补助（元/m²）", value: (r) => money(r.project.fiscalPerSqm), rule: rule("F ÷ A，四舍五入到分") },
  { label: "加装电梯费用（不计入总投资）", value: (r) => money(r.project.elevatorCost), rule: rule(`${CITATIONS.funding}：按相关办法另行补助`) },
  {
    label: "审批路径",
    value: (r) => APPROVAL_PATH_TEXTS[r.project.approvalPath].short,
    text: true,
    rule: (r) => `${APPROVAL_PATH_TEXTS[r.project.approvalPath].zh}（${CITATIONS.approval}）`,
  },
];

/** The other stage of a read, for the 概算 / 决算 / 差额 columns. */
export interface OtherStage {
  readonly stage: Stage;
  readonly result: CalcResult;
}

/** A block of lines added to 资金汇总 (the elevator part of issue 13 goes here). */
export interface SummaryBlock {
  readonly title: string;
  /** label, value, note; value formatted with `format` (money by default). */
  readonly lines: readonly { readonly label: string; readonly value: CellValue; readonly format?: string; readonly note?: string }[];
}

/** Options of 资金汇总. */
export interface SummaryOptions {
  /** Why the stage was chosen (`WorkbookRead.stageBasis`), shown on the stage line. */
  readonly basis?: StageBasis;
  /** The time shown under the title. */
  readonly time?: Date;
  /** Blocks after 居民表决; default: the elevator block when the project has elevators. */
  readonly extraBlocks?: readonly SummaryBlock[];
}

/** The stage line's explanation: which column and why (the filled 决算 cost cells when known). */
function stageText(stage: Stage, basis?: StageBasis): string {
  if (basis === undefined) return stage === "settlement" ? `按核定的竣工财务决算（决算列已填）— ${CITATIONS.funding}` : "决算列未填，按概算测算";
  return stage === "settlement" ? `${stageReason(basis).zh}（按核定的竣工财务决算 — ${CITATIONS.funding}）` : stageReason(basis).zh;
}

/** A policy parameter as people read it: rates in %, amounts in 元, tiers by name. */
export function parameterText(key: ParameterKey, value: number | string | null): string {
  if (value === null) return BLANK_TEXT[key] ?? "无";
  if (key === "relief.tiers") {
    return String(value)
      .split(",")
      .map((t) => TIER_LABELS[t as Tier] ?? t)
      .join("、");
  }
  if (/\.rate$/.test(key) || (key.startsWith("relief.") && typeof value === "number")) return exactPercentText(value);
  if (key === "cap.perSqm") return `${moneyText(roundFen(new Dec(value)))} 元/m²`;
  if (key === "grant.hardship-worker") return `${moneyText(roundFen(new Dec(value)))} 元/户`;
  if (key.startsWith("approval.") || key === "elevator.subsidy.amount" || key === "elevator.subsidy.cap") return `${moneyText(roundFen(new Dec(value)))} 元`;
  if (key === "elevator.relief") return value === 1 ? "适用" : "不适用";
  return String(value);
}

const BLANK_TEXT: Partial<Record<ParameterKey, string>> = { "cap.perSqm": "不设上限", "elevator.subsidy.cap": "不设上限" };

/**
 * `基础类居民出资比例 — 乐政办发…` → [label, citation]; a note without a citation is split after its
 * name (`加装电梯补助方式：none 不补助 …` → [`加装电梯补助方式`, `none 不补助 …`]).
 */
function splitNote(note: string): [string, string] {
  const i = note.indexOf(" — ");
  if (i >= 0) return [note.slice(0, i), note.slice(i + 3)];
  const m = /^([^：，（]{2,16})[：，]?(.*)$/.exec(note);
  return m === null ? [note, ""] : [m[1], m[2]];
}

/**
 * 资金汇总: policy, stage, T, R0, X, R by tier, S, F, F/m², cap, elevator, approval path, collection
 * rate and the 自筹资金已全部到位 flag, vote ratios and results; 概算 / 决算 / 差额 columns when both
 * stages are filled; chart data for the funding mix and for collection (the task pane draws the charts).
 */
export function buildSummarySheet(result: CalcResult, stage: Stage, other?: OtherStage, opts: SummaryOptions = {}): SheetData {
  const est = other?.stage === "estimate" ? other.result : stage === "estimate" ? result : undefined;
  const set = stage === "settlement" ? result : other?.stage === "settlement" ? other.result : undefined;
  const both = est !== undefined && set !== undefined;
  const width = both ? 5 : 3;
  const columns: ColumnPlan[] = [{ wrapAt: 20 }, ...new Array<ColumnPlan>(width - 2).fill({ min: 12 }), { fill: true, indent: 1 }];
  const b = new PaperSheet(SHEETS.summary, columns, { orientation: "portrait" });
  const ctx: SheetContext = { stage, time: opts.time };
  // Label, value, note: with 概算 / 决算 / 差额 columns, the note spans the columns after the value.
  const noteSpan: [number, number][] = width > 3 ? [[2, width - 1]] : [];
  const row = (label: string, value: CellValue, format: string, text: string) => {
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    values[0] = label;
    values[1] = value;
    values[2] = text;
    const formats = new Array<string>(width).fill("General");
    formats[1] = formatFor(value, format);
    const r = b.body(values, formats, noteSpan);
    // The note is indented off the right-aligned value before it.
    if (width > 3) b.style({ range: rangeAddress(r, 3, 1, width - 2), horizontal: "left", indent: 1 });
    return r;
  };
  const head = (...labels: string[]) => {
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    labels.forEach((l, i) => (values[i] = l));
    return b.header(values, noteSpan);
  };

  b.title("资金汇总");
  b.info(infoLine(result, ctx));
  b.note(`测算阶段：${STAGE_LABELS[stage]} — ${stageText(stage, opts.basis)}`);

  // 一、资金构成
  b.section("一、资金构成");
  if (both) b.header(["项目", "概算", "决算", "差额（决算-概算）", "依据"]);
  else head("项目", `${STAGE_LABELS[stage]}（元）`, "依据");
  for (const line of FUNDING_LINES) {
    const f = line.format ?? M;
    if (both) {
      const e = line.value(est!);
      const s = line.value(set!);
      const diff = !line.text && typeof e === "number" && typeof s === "number" ? diffNumber(e, s, f) : null;
      b.body([line.label, e, s, diff, line.rule(set!)], ["General", formatFor(e, f), formatFor(s, f), f, "General"]);
    } else {
      row(line.label, line.value(result), f, line.rule(result));
    }
  }

  // 二、居民自筹收缴
  const t = result.totals;
  b.section(`二、居民自筹收缴（${STAGE_LABELS[stage]}）`);
  if (t !== undefined) {
    head("项目", "金额（元）", "说明");
    const outstanding = t.net - t.collected;
    row("住户数", (result.households ?? []).length, FORMATS.integer, "住户表中的户数（每行一户）");
    row("应分摊合计", yuan(t.gross), M, "= 居民自筹 R");
    row("临时救助合计（民政）", yuan(t.relief), M, CITATIONS.relief);
    row("送温暖补助合计（总工会）", yuan(t.grant), M, CITATIONS.grant);
    row("应缴合计", yuan(t.net), M, "应分摊 - 临时救助 - 送温暖补助");
    row("已缴合计", yuan(t.paid), M, "住户表“已缴金额”之和");
    row("已到位（每户不超过应缴）", yuan(t.collected), M, "Σ min(已缴, 应缴)：一户多缴不抵他户欠缴");
    row("未到位", yuan(outstanding as Fen), M, "应缴合计 - 已到位");
    row("到位比例", displayRatio(t.collectionRate), FORMATS.percent, "已到位 ÷ 应缴合计，向下取到 0.01%（未全部到位时不显示 100%）");
    row("自筹资金已全部到位", yesNo(t.fullyCollected), "General", `率先达到 100% 的优先安排财政补助 — ${CITATIONS.priority}`);
  } else {
    b.note("住户表为空，无收缴数据。");
  }

  // 三、居民表决
  b.section("三、居民表决");
  const v = result.vote;
  if (v !== undefined) {
    head("项目", "比例 / 结果", "要求");
    row("参与表决面积比例", displayRatio(v.participationAreaRatio), FORMATS.percent, "≥ 2/3（专有部分面积）");
    row("参与表决户数比例", displayRatio(v.participationCountRatio), FORMATS.percent, "≥ 2/3（户数）");
    row("参与表决（双三分之二）", passed(v.participationPassed), "General", `${CITATIONS.vote}；${CITATIONS.civilCode}`);
    row("同意面积比例（占参与）", displayRatio(v.approvalAreaRatio), FORMATS.percent, "≥ 3/4");
    row("同意户数比例（占参与）", displayRatio(v.approvalCountRatio), FORMATS.percent, "≥ 3/4");
    row("同意改造（双四分之三）", passed(v.approvalPassed), "General", `${CITATIONS.vote}；${CITATIONS.civilCode}`);
  } else {
    b.note("未填写参与表决情况。");
  }

  let n = 4;
  // 加装电梯 (elevator-rules.md) unless the caller gives its own blocks.
  for (const block of opts.extraBlocks ?? elevatorSummaryBlocks(result)) {
    b.section(`${CHINESE_NUMBERS[n++]}、${block.title}`);
    head("项目", "金额（元）", "说明");
    for (const l of block.lines) row(l.label, l.value, l.format ?? M, l.note ?? "");
  }

  // 四、政策参数
  const p = result.policy;
  b.section(`${CHINESE_NUMBERS[n++]}、政策参数`);
  const baseName = isBuiltInPolicyId(p.base) ? POLICY_NAMES[p.base] : p.base;
  b.note(`政策：${p.id === "custom" ? `custom（基于 ${p.base}：${baseName}；改动：${p.overridden.join("、")}）` : `${p.id}（${baseName}）`}`);
  head("参数", "值", "依据（参数键）");
  const params = policyParameters(p);
  for (const k of PARAMETER_KEYS) {
    const [label, cite] = splitNote(PARAMETER_NOTES[k]);
    row(label, parameterText(k, params[k]), "General", `${cite === "" ? "" : `${cite}；`}${k}${p.overridden.includes(k) ? "（本工作簿改动）" : ""}`);
  }

  // Chart data: the task pane draws the charts in Excel (exceljs cannot).
  const charts: ChartSpec[] = [];
  b.section(`${CHINESE_NUMBERS[n++]}、图表数据（图表由任务窗格在 Excel 中绘制）`);
  const mixTop = b.header(["资金构成", "金额（元）"]);
  b.body(["居民自筹", money(result.project.residentTotal)], ["General", M]);
  b.body(["社会资金", money(result.project.socialCapital)], ["General", M]);
  b.body(["财政补助", money(result.project.fiscalSubsidy)], ["General", M]);
  charts.push({ title: "资金构成", type: "Pie", dataRange: rangeAddress(mixTop, 1, 4, 2), seriesBy: "Columns" });
  if (t !== undefined) {
    const colTop = b.header(["收缴情况", "金额（元）"]);
    b.body(["已缴到位", yuan(t.collected)], ["General", M]);
    b.body(["未到位", yuan((t.net - t.collected) as Fen)], ["General", M]);
    charts.push({ title: "收缴情况", type: "Pie", dataRange: rangeAddress(colTop, 1, 3, 2), seriesBy: "Columns" });
  }
  return b.finish({ charts });
}

const CHINESE_NUMBERS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** s - e for two cell numbers written from exact values (money: two decimals; area: as given). */
function diffNumber(e: number, s: number, format: string): number {
  const d: Decimal = new Dec(s).minus(new Dec(e));
  return format === M ? Number(d.toFixed(2)) : d.toNumber();
}
