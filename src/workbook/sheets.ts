/**
 * The output sheets as plain data (workbook-layout.md "Output sheets"): 测算结果, 资金汇总, 计算说明, 公示.
 * Money cells are numbers in 元 with two decimals converted from the engine's exact values
 * (`fenToNumber`, `moneyToNumber`), never computed in floating point here.
 */
import Decimal from "decimal.js";
import {
  CalcResult,
  Dec,
  PARAMETER_KEYS,
  PARAMETER_NOTES,
  POLICY_NAMES,
  TIERS,
  Tier,
  fenToNumber,
  isBuiltInPolicyId,
  moneyToNumber,
  policyParameters,
  settlementStatus,
  sum,
} from "../engine";
import { CellValue, ChartSpec, SheetBuilder, SheetData, cellAddress, printSpec, rangeAddress } from "./grid";
import { FORMATS, RESULT_HEADERS, SHEETS, STAGE_LABELS, Stage, TABLES } from "./layout";
import { StageBasis, stageReason } from "./read";


const M = FORMATS.money;
const TIER_LABELS: Readonly<Record<Tier, string>> = { basic: "基础类", improvement: "完善类", enhancement: "提升类" };
const money = (d: Decimal): number => moneyToNumber(d);
/**
 * 1234567.8 → `1,234,567.80`: how amounts are written inside formula texts (and in the task pane).
 * d: an exact Decimal, or a number converted exactly from the engine's values.
 */
export function moneyText(d: Decimal | number): string {
  const x = typeof d === "number" ? new Dec(d) : d;
  const [i, f] = x.toFixed(2).split(".");
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${f}`;
}
const fmt = moneyText;
const plain = (d: Decimal): string => d.toFixed();
const yesNo = (b: boolean): string => (b ? "是" : "否");
const passed = (b: boolean): string => (b ? "通过" : "未通过");
/** A text cell never carries a number format (a `#,##0.00` text cell is cut off or mis-aligned). */
const formatFor = (v: CellValue, f: string): string => (typeof v === "string" ? FORMATS.general : f);

/** Σ of the household areas, exact (m²). */
function householdArea(r: CalcResult): Decimal {
  let s = new Dec(0);
  for (const h of r.input.households ?? []) s = s.plus(h.area);
  return s;
}

// =========================================================================================================
// 测算结果

/**
 * 测算结果 (table `ResultTable`): one row per household in the order of 住户, then a total row whose
 * tier columns equal the project's resident total by tier and whose 应分摊合计 equals R, to the fen.
 * owners: 户主 per household (same order), from the input.
 */
export function buildResultSheet(result: CalcResult): SheetData {
  const b = new SheetBuilder();
  const rowFormats = ["@", "General", FORMATS.area, M, M, M, M, FORMATS.ratio, M, M, M, M, M, "General"];
  b.row([...RESULT_HEADERS], [], true);
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    b.row(
      [
        h.id,
        rows[i].owner ?? null,
        Number(rows[i].area),
        fenToNumber(h.byTier.basic),
        fenToNumber(h.byTier.improvement),
        fenToNumber(h.byTier.enhancement),
        fenToNumber(h.gross),
        h.reliefRate.toNumber(),
        fenToNumber(h.relief),
        fenToNumber(h.grant),
        fenToNumber(h.net),
        fenToNumber(h.paid),
        fenToNumber(h.balance),
        settlementStatus(h.balance),
      ],
      rowFormats,
    );
  }
  const t = result.totals;
  if (t !== undefined && hs.length > 0) {
    b.row(
      [
        "合计",
        `${hs.length} 户`,
        householdArea(result).toNumber(),
        fenToNumber(t.byTier.basic),
        fenToNumber(t.byTier.improvement),
        fenToNumber(t.byTier.enhancement),
        fenToNumber(t.gross),
        null,
        fenToNumber(t.relief),
        fenToNumber(t.grant),
        fenToNumber(t.net),
        fenToNumber(t.paid),
        fenToNumber(t.balance),
        null,
      ],
      rowFormats,
      true,
    );
  } else {
    b.row(["住户表为空：仅计算项目资金（见资金汇总）"]);
  }
  const { values, numberFormats } = b.rectangle();
  return {
    name: SHEETS.result,
    values,
    numberFormats,
    columnWidths: [10, 10, 11, 14, 14, 14, 14, 9, 12, 12, 14, 14, 14, 9],
    table: hs.length > 0 ? { name: TABLES.result, top: 1, left: 1, columns: [...RESULT_HEADERS], rows: hs.length, totalsRow: true } : undefined,
    freezeRows: 1,
    boldRows: b.boldRows,
    print: printSpec("landscape", 1),
  };
}

// =========================================================================================================
// 资金汇总

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
  { label: "改造建筑面积（m²，含公摊）", value: (r) => r.input.project.area.toNumber(), format: FORMATS.area, rule: "000 §五(二)1" },
  { label: "总投资 T（不含加装电梯）", value: (r) => money(r.project.totalInvestment), rule: "000 §五(二)1" },
  { label: "居民出资基数 R0", value: (r) => money(r.project.residentBase), rule: "000 §五(二)1 按改造内容加权" },
  { label: "未封顶财政补助 F0 = T − R0 − S", value: (r) => money(r.project.uncappedSubsidy), rule: "000 §五(二)1" },
  {
    label: "财政补助上限",
    value: (r) => (r.project.subsidyCap === null ? "不设上限" : money(r.project.subsidyCap)),
    rule: "000 §五(二)1 300元/m²",
  },
  { label: "超上限部分（居民自理）X", value: (r) => money(r.project.capExcess), rule: "000 §五(二)1 超出部分居民自理" },
  { label: "居民自筹 R = R0 + X", value: (r) => money(r.project.residentTotal), rule: "000 §五(二)1" },
  ...TIERS.map(
    (t): FundingLine => ({ label: `  其中${TIER_LABELS[t]}`, value: (r) => money(r.project.residentByTier[t]), rule: "funding-rules §3.9" }),
  ),
  { label: "社会资金 S", value: (r) => money(r.project.socialCapital), rule: "000 §五(二)1" },
  { label: "财政补助 F = min(F0, 上限)", value: (r) => money(r.project.fiscalSubsidy), rule: "000 §五(二)1" },
  { label: "每平方米财政补助（元/m²）", value: (r) => money(r.project.fiscalPerSqm), rule: "funding-rules §3.8" },
  { label: "加装电梯费用（另行补助，不计入总投资）", value: (r) => money(r.project.elevatorCost), rule: "000 §五(二)1" },
  { label: "审批路径", value: (r) => r.project.approvalPath, text: true, rule: "000 §四(四)" },
];

/** The other stage of a read, for the 概算 / 决算 / 差额 columns. */
export interface OtherStage {
  readonly stage: Stage;
  readonly result: CalcResult;
}

/** The stage line's explanation: which column and why (the filled 决算 cost cells when known). */
function stageText(stage: Stage, basis?: StageBasis): string {
  if (basis === undefined) return stage === "settlement" ? "按核定的竣工财务决算（决算列已填）— 000 §五(二)1" : "决算列未填，按概算测算";
  return stage === "settlement" ? `${stageReason(basis, "zh")}（按核定的竣工财务决算 — 000 §五(二)1）` : stageReason(basis, "zh");
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
    b.row(["应分摊合计", fenToNumber(t.gross)], ["General", M]);
    b.row(["临时救助合计（民政）", fenToNumber(t.relief)], ["General", M]);
    b.row(["送温暖补助合计（总工会）", fenToNumber(t.grant)], ["General", M]);
    b.row(["应缴合计", fenToNumber(t.net)], ["General", M]);
    b.row(["已缴合计", fenToNumber(t.paid)], ["General", M]);
    b.row(["已到位（每户不超过应缴）", fenToNumber(t.collected)], ["General", M]);
    b.row(["未到位", fenToNumber(outstanding)], ["General", M]);
    b.row(["到位比例", t.collectionRate.toNumber(), "Σ min(已缴, 应缴) ÷ Σ 应缴 — funding-rules §4.7"], ["General", FORMATS.percent]);
    b.row(["自筹资金已全部到位", yesNo(t.fullyCollected), "率先达到100%的优先安排财政补助 — 000 §五(三)"]);
  } else {
    b.row(["住户表为空，无收缴数据"]);
  }
  b.blank();

  // Vote.
  b.row(["居民表决"], [], true);
  const v = result.vote;
  if (v !== undefined) {
    b.row(["参与表决面积比例", v.participationAreaRatio, "≥ 2/3"], ["General", FORMATS.percent]);
    b.row(["参与表决户数比例", v.participationCountRatio, "≥ 2/3"], ["General", FORMATS.percent]);
    b.row(["参与表决（双三分之二）", passed(v.participationPassed), "000 §三(一)"]);
    b.row(["同意面积比例（占参与）", v.approvalAreaRatio, "≥ 3/4"], ["General", FORMATS.percent]);
    b.row(["同意户数比例（占参与）", v.approvalCountRatio, "≥ 3/4"], ["General", FORMATS.percent]);
    b.row(["同意改造（双四分之三）", passed(v.approvalPassed), "000 §三(一)"]);
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
    b.row(["已缴到位", fenToNumber(t.collected)], ["General", M]);
    b.row(["未到位", fenToNumber(t.net - t.collected)], ["General", M]);
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

// =========================================================================================================
// 计算说明

/** Facts of the run for the audit sheet. time: when it ran; version: add-in version; rowCounts: rows read. */
export interface AuditMeta {
  readonly time: Date;
  readonly version: string;
  readonly stage: Stage;
  readonly rowCounts: { readonly policyRows: number; readonly projectRows: number; readonly households: number };
  /** Where the input came from (file name), if any. */
  readonly source?: string;
  /** Why the stage was chosen (`WorkbookRead.stageBasis`). */
  readonly stageBasis?: StageBasis;
  /** Total rows skipped under the household data (`WorkbookRead.skippedRows`). */
  readonly skippedRows?: readonly string[];
}

/**
 * 计算说明: each step of funding-rules.md §3 and §4 as a line with its formula, the numbers put in, the
 * result and the rule, so an accountant can re-check every number by hand; then run time, version, rows.
 */
export function buildAuditSheet(result: CalcResult, meta: AuditMeta): SheetData {
  const b = new SheetBuilder();
  const p = result.project;
  const pol = result.policy;
  const c = result.input.project.costs;
  const A = result.input.project.area;
  const r = pol.tierRates;
  b.row([`计算说明 — ${result.input.project.name ?? "（未命名项目）"}（${STAGE_LABELS[meta.stage]}）`], [], true);
  b.row(["步骤", "公式", "代入数值", "结果", "依据"], [], true);
  const step = (n: string, formula: string, put: string, value: CellValue, rule: string, format: string = M) =>
    b.row([n, formula, put, value, rule], ["General", "General", "General", formatFor(value, format), "General"]);

  step("§3.1 总投资", "T = Cb + Ci + Ce", `${fmt(c.basic)} + ${fmt(c.improvement)} + ${fmt(c.enhancement)}`, money(p.totalInvestment), "000 §五(二)1（不含加装电梯）");
  step(
    "§3.2 居民出资基数",
    "R0 = round(rb·Cb + ri·Ci + re·Ce)",
    `${plain(r.basic)} × ${fmt(c.basic)} + ${plain(r.improvement)} × ${fmt(c.improvement)} + ${plain(r.enhancement)} × ${fmt(c.enhancement)}`,
    money(p.residentBase),
    "000 §五(二)1 按改造内容加权计算",
  );
  step("§3.3 未封顶补助", "F0 = T − R0 − S", `${fmt(p.totalInvestment)} − ${fmt(p.residentBase)} − ${fmt(p.socialCapital)}`, money(p.uncappedSubsidy), "000 §五(二)1");
  if (p.subsidyCap === null) step("§3.4 补助上限", "不设上限", "cap.perSqm 为空", "不设上限", "政策参数 cap.perSqm");
  else step("§3.4 补助上限", "cap = floor(c × A)", `${plain(pol.capPerSqm!)} × ${plain(A)}`, money(p.subsidyCap), "000 §五(二)1 高于300元/m²的按300元/m²补助");
  step(
    "§3.5 财政补助",
    p.subsidyCap === null ? "F = F0" : "F = min(F0, cap)",
    p.subsidyCap === null ? fmt(p.uncappedSubsidy) : `min(${fmt(p.uncappedSubsidy)}, ${fmt(p.subsidyCap)})`,
    money(p.fiscalSubsidy),
    "000 §五(二)1 低于的按实补助",
  );
  step("§3.6 超上限部分", "X = F0 − F", `${fmt(p.uncappedSubsidy)} − ${fmt(p.fiscalSubsidy)}`, money(p.capExcess), "000 §五(二)1 超出部分居民自理");
  step("§3.7 居民自筹", "R = R0 + X", `${fmt(p.residentBase)} + ${fmt(p.capExcess)}`, money(p.residentTotal), "000 §五(二)1");
  step(
    "§3.7 校验",
    "R + S + F = T",
    `${fmt(p.residentTotal)} + ${fmt(p.socialCapital)} + ${fmt(p.fiscalSubsidy)}`,
    money(p.residentTotal.plus(p.socialCapital).plus(p.fiscalSubsidy)),
    p.residentTotal.plus(p.socialCapital).plus(p.fiscalSubsidy).equals(p.totalInvestment) ? "相等 ✓" : "不相等 ✗",
  );
  step("§3.8 每平方米财政补助", "round(F ÷ A)", `${fmt(p.fiscalSubsidy)} ÷ ${plain(A)}`, money(p.fiscalPerSqm), "funding-rules §3.8");
  const w = TIERS.map((t) => p.tierWeights[t]);
  for (const t of TIERS) {
    step(
      `§3.9 居民自筹·${TIER_LABELS[t]}`,
      "R 按权重 rk·Ck·D + X·Ck·(1−rk) 以最大余额法拆分（D = Σ Cj·(1−rj)）",
      `${fmt(p.residentTotal)} × ${plain(p.tierWeights[t])} ÷ ${plain(sum(w))}`,
      money(p.residentByTier[t]),
      "funding-rules §3.9（解读）、§2 最大余额法",
    );
  }

  const t = result.totals;
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  if (t !== undefined && hs.length > 0) {
    const weighted = rows.filter((x) => x.weight !== undefined).length;
    const areaText = `${plain(householdArea(result))} m²`;
    for (const tier of TIERS) {
      step(
        `§4.1 住户分摊·${TIER_LABELS[tier]}`,
        "每户 = 该类居民自筹 × 本户面积 ÷ Σ面积，最大余额法到分",
        `${fmt(p.residentByTier[tier])} 分摊至 ${hs.length} 户（Σ建筑面积 ${areaText}${weighted > 0 ? `，其中 ${weighted} 户按分摊系数` : ""}）`,
        fenToNumber(t.byTier[tier]),
        "003 附件3 二；funding-rules §4.1（逐户见测算结果）",
      );
    }
    step("§4.2 应分摊合计", "Σ 每户三类分摊之和", `${hs.length} 户`, fenToNumber(t.gross), "funding-rules §4.2（= R）");
    const byRate = new Map<string, { n: number; relief: number }>();
    let grantN = 0;
    for (const h of hs) {
      if (!h.reliefRate.isZero()) {
        const k = h.reliefRate.toString();
        const e = byRate.get(k) ?? { n: 0, relief: 0 };
        e.n++;
        e.relief += h.relief;
        byRate.set(k, e);
      }
      if (h.grant > 0) grantN++;
    }
    const tiers = pol.reliefTiers.map((x) => TIER_LABELS[x]).join("、");
    for (const [rate, e] of [...byRate].sort((a, b2) => Number(b2[0]) - Number(a[0]))) {
      step(
        `§4.3 临时救助 ${new Dec(rate).times(100).toFixed()}%`,
        `每户 = round(${new Dec(rate).times(100).toFixed()}% × 本户${tiers}分摊)`,
        `${e.n} 户`,
        fenToNumber(e.relief),
        "003 附件3 二（就高不就低）",
      );
    }
    step("§4.3 临时救助合计", "Σ 临时救助", `${[...byRate.values()].reduce((a, e) => a + e.n, 0)} 户`, fenToNumber(t.relief), "003 附件3 二（民政）");
    step(
      "§4.4 送温暖补助",
      `每户 = min(${fmt(pol.grantHardshipWorker)}, 应分摊 − 临时救助)`,
      `${grantN} 户生活困难职工`,
      fenToNumber(t.grant),
      "003 附件3 二（总工会）",
    );
    step("§4.5 应缴合计", "Σ(应分摊 − 临时救助 − 送温暖)", `${fmt(fenToNumber(t.gross))} − ${fmt(fenToNumber(t.relief))} − ${fmt(fenToNumber(t.grant))}`, fenToNumber(t.net), "funding-rules §4.5");
    step("§4.6 已缴合计", "Σ 已缴金额", `${hs.length} 户`, fenToNumber(t.paid), "住户表 已缴金额");
    step("§4.6 应补(退)合计", "Σ(应缴 − 已缴)", `${fmt(fenToNumber(t.net))} − ${fmt(fenToNumber(t.paid))}`, fenToNumber(t.balance), "funding-rules §4.6");
    step(
      "§4.7 到位比例",
      "Σ min(已缴, 应缴) ÷ Σ 应缴",
      `${fmt(fenToNumber(t.collected))} ÷ ${fmt(fenToNumber(t.net))}`,
      t.collectionRate.toNumber(),
      `${t.fullyCollected ? "自筹资金已全部到位" : "自筹资金未全部到位"} — 000 §三(四)、§五(三)`,
      FORMATS.percent,
    );
  }
  const v = result.vote;
  if (v !== undefined) {
    const d = v.detail;
    const area = (x: bigint) => new Dec(x.toString()).dividedBy(new Dec(10).pow(d.scale)).toFixed();
    step(
      "§5 参与表决",
      "参与面积 ≥ 2/3 总面积 且 参与户数 ≥ 2/3 总户数",
      `面积 ${area(d.participatingArea)} / ${area(d.totalArea)}；户数 ${d.participating} / ${d.households}`,
      passed(v.participationPassed),
      "000 §三(一) 双三分之二",
      "General",
    );
    step(
      "§5 同意改造",
      "同意面积 ≥ 3/4 参与面积 且 同意户数 ≥ 3/4 参与户数",
      `面积 ${area(d.agreeingArea)} / ${area(d.participatingArea)}；户数 ${d.agreeing} / ${d.participating}`,
      passed(v.approvalPassed),
      "000 §三(一) 双四分之三",
      "General",
    );
  }
  const pathRow = step("§6 审批路径", `T ≤ ${fmt(pol.merge3Max)} 三合一；≤ ${fmt(pol.merge2Max)} 二合一`, fmt(p.totalInvestment), p.approvalPath, "000 §四(四)", "General");

  b.blank();
  b.row(["运行信息"], [], true);
  b.row(["运行时间", isoLocal(meta.time)]);
  b.row(["版本", meta.version]);
  if (meta.source !== undefined) b.row(["输入文件", meta.source]);
  b.row(["测算阶段", STAGE_LABELS[meta.stage], meta.stageBasis === undefined ? null : stageReason(meta.stageBasis, "zh")]);
  b.row(["读取行数：政策参数", meta.rowCounts.policyRows], ["General", FORMATS.integer]);
  b.row(["读取行数：项目信息", meta.rowCounts.projectRows], ["General", FORMATS.integer]);
  b.row(["读取行数：住户", meta.rowCounts.households], ["General", FORMATS.integer]);
  const skipped = meta.skippedRows ?? [];
  if (skipped.length > 0) b.row(["跳过的合计行（不计为住户）", skipped.join("、"), "房号为合计/总计/小计/Total/Sum，位于最后一户之后"]);
  b.row(["金额单位：元，四舍五入到分；分摊用最大余额法，合计与项目数一致到分 — funding-rules §2"]);
  const { values, numberFormats } = b.rectangle();
  return {
    name: SHEETS.audit,
    values,
    numberFormats,
    columnWidths: [24, 44, 60, 18, 40],
    boldRows: b.boldRows,
    freezeRows: 2,
    wrap: [cellAddress(pathRow, 4)],
    print: printSpec("portrait", 2),
  };
}

/** `2024-05-06 14:03:07` in the local time of the machine running it. */
function isoLocal(d: Date): string {
  const z = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())} ${z(d.getHours())}:${z(d.getMinutes())}:${z(d.getSeconds())}`;
}

// =========================================================================================================
// 公示

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

/**
 * Working days (Monday–Friday) from start to end, both included. Public holidays and make-up working
 * days (调休) are not known here, so the count may differ from the official calendar: the 公示 sheet and
 * the task pane say so (`WORKING_DAYS_NOTE`) and the period must be checked by hand.
 */
export function countWorkingDays(start: CalendarDate, end: CalendarDate): number {
  let n = 0;
  for (let t = toUtc(start); t <= toUtc(end); t += DAY) if (isWeekday(t)) n++;
  return n;
}

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

/** 000 §三(三): 公示时间不少于7个工作日. */
export const PUBLICITY_MIN_WORKING_DAYS = 7;

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
export function buildPublicitySheet(
  result: CalcResult,
  options: PublicityOptions,
): { ok: true; sheet: SheetData } | { ok: false; zh: string; en: string } {
  const end = options.end ?? publicityEndDate(options.start);
  const days = countWorkingDays(options.start, end);
  if (days < PUBLICITY_MIN_WORKING_DAYS) {
    return {
      ok: false,
      zh: `公示期 ${dateText(options.start)} 至 ${dateText(end)} 只有 ${days} 个工作日，不少于 7 个工作日 — 000 §三(三)`,
      en: `the publicity period ${dateText(options.start)} to ${dateText(end)} has ${days} working days; at least 7 are required (000 §三(三))`,
    };
  }
  const b = new SheetBuilder();
  const p = result.project;
  b.row([`${result.input.project.name ?? "老旧小区改造项目"} 居民出资公示`], [], true);
  if (options.publisher !== undefined) b.row([`公示单位：${options.publisher}`]);
  b.row([`公示期：${dateText(options.start)} 至 ${dateText(end)}（${days} 个工作日，不少于 7 个工作日 — 000 §三(三)）`]);
  b.row([`注：${WORKING_DAYS_NOTE.zh}。`]);
  b.row(["总投资（元）", money(p.totalInvestment), "财政补助（元）", money(p.fiscalSubsidy)], ["General", M, "General", M]);
  b.row(["居民自筹（元）", money(p.residentTotal), "社会资金（元）", money(p.socialCapital)], ["General", M, "General", M]);
  b.blank();
  const headerRow = b.row(["序号", "房号", "建筑面积", "应分摊", "救助", "应缴"], [], true);
  const f = ["0", "@", FORMATS.area, M, M, M];
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  hs.forEach((h, i) => b.row([i + 1, h.id, Number(rows[i].area), fenToNumber(h.gross), fenToNumber(h.relief + h.grant), fenToNumber(h.net)], f));
  const t = result.totals;
  if (t !== undefined) {
    b.row(["合计", `${hs.length} 户`, householdArea(result).toNumber(), fenToNumber(t.gross), fenToNumber(t.relief + t.grant), fenToNumber(t.net)], f, true);
  }
  b.blank();
  b.row(["“救助”含民政临时救助与总工会送温暖补助（003 附件3 二）。如有异议，请在公示期内向社区反映。"]);
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
