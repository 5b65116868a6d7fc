/**
 * 计算说明 — the audit document: each step of the calculation with its formula, the numbers put in (元
 * and m² with separators), the result and the rule cited by 文号 and article, so that an accountant can
 * re-check every number by hand from the printout alone; the check R + S + F = T; a 依据 table with each
 * document's full title; the run (input file and its SHA-256, version, time, rows read); and a
 * 编制 / 复核 / 审核 signature block.
 */
import Decimal from "decimal.js";
import {
  APPROVAL_PATH_TEXTS,
  CITATIONS,
  CalcResult,
  Dec,
  Fen,
  SOURCES,
  SourceId,
  TIERS,
  displayRatio,
  exactPercentText,
  roundFen,
  sumMoney,
} from "../../engine";
import { CellValue, SheetData } from "../grid";
import { FORMATS, SHEETS, STAGE_LABELS, Stage } from "../layout";
import { StageBasis, stageReason } from "../read";
import { elevatorAuditSections } from "./elevator-lines";
import { ColumnPlan, PaperSheet } from "./paper";
import {
  M,
  TIER_LABELS,
  approxText,
  areaText,
  decimalText,
  exactText,
  formatFor,
  householdArea,
  infoLine,
  localTime,
  money,
  moneyText,
  passed,
  yuan,
} from "./text";

const fmt = moneyText;

/** One line of the audit: what is computed, its formula, the numbers put in, the result, the rule. */
export interface AuditStep {
  readonly step: string;
  readonly formula: string;
  readonly put: string;
  readonly value: CellValue;
  readonly rule: string;
  /** Number format of the value (money by default). */
  readonly format?: string;
}

/** A section of steps added to 计算说明 (issue 13: 加装电梯分摊), after the household steps. */
export interface AuditSection {
  readonly title: string;
  /** A paragraph under the title (optional). */
  readonly note?: string;
  readonly steps: readonly AuditStep[];
  /** Sources the section cites, for the 依据 table (ids of `SOURCES`). */
  readonly sources?: readonly SourceId[];
}

/** Facts of the run for the audit sheet. */
export interface AuditMeta {
  /** When it ran. */
  readonly time: Date;
  /** The product and its version, e.g. `reno-funding 0.1.0（命令行）`. */
  readonly version: string;
  readonly stage: Stage;
  readonly rowCounts: { readonly policyRows: number; readonly projectRows: number; readonly households: number };
  /** Where the input came from (file name); none in the task pane (it reads the open workbook). */
  readonly source?: string;
  /** SHA-256 of the input file's bytes (lower-case hex), when there is a file. */
  readonly sourceSha256?: string;
  /** Why the stage was chosen (`WorkbookRead.stageBasis`). */
  readonly stageBasis?: StageBasis;
  /** Total rows skipped under the household data (`WorkbookRead.skippedRows`). */
  readonly skippedRows?: readonly string[];
  /** What of the input workbook was not carried over to the result file, one sentence each (`RunMeta.notCarried`). */
  readonly notCarried?: readonly string[];
  /** Sections after the household steps; default: the elevator section when the project has elevators. */
  readonly extraSections?: readonly AuditSection[];
}

/** The clauses of each document this sheet cites, for the 依据 table. */
const CITED: Readonly<Record<SourceId, string>> = {
  yueqing: "第三条（一）表决；第三条（三）公示；第四条（四）审批；第五条（二）1 资金筹集；第五条（三）优先安排",
  fujian: "第二条（一）临时救助；第二条（二）送温暖补助",
  civilCode: "第二百七十八条 业主共同决定事项",
  reading: "居民自筹按类别拆分、按面积分摊（最大余额法）",
};

/** Columns: 步骤 | 公式 | 代入数值 | 结果 | 依据. */
const COLUMNS: readonly ColumnPlan[] = [{ wrapAt: 14 }, { wrapAt: 28 }, { fill: true }, { min: 12 }, { wrapAt: 30, indent: 1 }];

/**
 * 计算说明: each step with its formula, the numbers put in, the result and the rule; the check
 * R + S + F = T; the run; the 依据 table; the signature block.
 */
export function buildAuditSheet(result: CalcResult, meta: AuditMeta): SheetData {
  // Landscape: formulas and the numbers put in read on one or two lines.
  const b = new PaperSheet(SHEETS.audit, COLUMNS, { orientation: "landscape" });
  const p = result.project;
  const pol = result.policy;
  const c = result.input.project.costs;
  const A = result.input.project.area;
  const r = pol.tierRates;
  let n = 0;
  const step = (s: Omit<AuditStep, "step"> & { step?: string; name: string }) => {
    const label = s.step ?? `${++n}. ${s.name}`;
    return b.body([label, s.formula, s.put, s.value, s.rule], ["General", "General", "General", formatFor(s.value, s.format ?? M), "General"]);
  };

  b.title("计算说明");
  b.info(infoLine(result, { stage: meta.stage, time: meta.time }, "金额单位：元；面积单位：m²"));
  const header = b.header(["步骤", "公式", "代入数值", "结果", "依据"]);
  b.repeatHeader(header);

  // 一、项目资金
  b.section(`一、项目资金（${STAGE_LABELS[meta.stage]}）`);
  step({
    name: "总投资 T",
    formula: "T = 基础类 Cb + 完善类 Ci + 提升类 Ce",
    put: `${fmt(c.basic)} + ${fmt(c.improvement)} + ${fmt(c.enhancement)}`,
    value: money(p.totalInvestment),
    rule: `${CITATIONS.funding}（按核定的竣工财务决算数，不含加装电梯）`,
  });
  const parts = TIERS.map((t) => r[t].times(c[t]));
  step({
    name: "居民出资基数 R0",
    formula: "R0 = 四舍五入到分(rb×Cb + ri×Ci + re×Ce)",
    put: `${TIERS.map((t) => `${exactPercentText(r[t])} × ${fmt(c[t])}`).join(" + ")} = ${parts.map(exactText).join(" + ")} = ${exactText(parts.reduce((a, x) => a.plus(x), new Dec(0)))}`,
    value: money(p.residentBase),
    rule: `${CITATIONS.funding}（按改造内容加权计算）`,
  });
  step({
    name: "未封顶财政补助 F0",
    formula: "F0 = T - R0 - 社会资金 S",
    put: `${fmt(p.totalInvestment)} - ${fmt(p.residentBase)} - ${fmt(p.socialCapital)}`,
    value: money(p.uncappedSubsidy),
    rule: `${CITATIONS.funding}（总投资扣除居民自筹和社会资金）`,
  });
  if (p.subsidyCap === null) {
    step({ name: "财政补助上限", formula: "不设上限", put: "政策参数 cap.perSqm 为空", value: "不设上限", rule: "政策参数" });
    step({ name: "财政补助 F", formula: "F = F0", put: fmt(p.uncappedSubsidy), value: money(p.fiscalSubsidy), rule: CITATIONS.funding });
  } else {
    step({
      name: "财政补助上限",
      formula: "上限 = 向下取到分(c × A)",
      put: `${fmt(roundFen(pol.capPerSqm!))} 元/m² × ${areaText(A)} = ${exactText(pol.capPerSqm!.times(A))}`,
      value: money(p.subsidyCap),
      rule: `${CITATIONS.funding}（高于 300 元/m² 的按 300 元/m² 补助）`,
    });
    step({
      name: "财政补助 F",
      formula: "F = min(F0, 上限)",
      put: `min(${fmt(p.uncappedSubsidy)}, ${fmt(p.subsidyCap)})`,
      value: money(p.fiscalSubsidy),
      rule: `${CITATIONS.funding}（低于的按实补助）`,
    });
  }
  step({
    name: "超上限部分 X",
    formula: "X = F0 - F",
    put: `${fmt(p.uncappedSubsidy)} - ${fmt(p.fiscalSubsidy)}`,
    value: money(p.capExcess),
    rule: `${CITATIONS.funding}（超出部分居民自理）`,
  });
  step({
    name: "居民自筹 R",
    formula: "R = R0 + X",
    put: `${fmt(p.residentBase)} + ${fmt(p.capExcess)}`,
    value: money(p.residentTotal),
    rule: CITATIONS.funding,
  });
  const rsf = sumMoney([p.residentTotal, p.socialCapital, p.fiscalSubsidy]);
  const balanced = rsf.equals(p.totalInvestment);
  step({
    name: "校验",
    formula: "R + S + F = T",
    put: `${fmt(p.residentTotal)} + ${fmt(p.socialCapital)} + ${fmt(p.fiscalSubsidy)} = ${fmt(rsf)}；T = ${fmt(p.totalInvestment)}`,
    value: balanced ? "相等" : "不相等",
    rule: "三项资金之和等于总投资",
    format: "General",
  });
  step({
    name: "每平方米财政补助",
    formula: "四舍五入到分(F ÷ A)",
    put: `${fmt(p.fiscalSubsidy)} ÷ ${areaText(A)} ${eqText(p.fiscalSubsidy.dividedBy(A))}`,
    value: money(p.fiscalPerSqm),
    rule: "元/m²",
  });

  // §3.9: R split by tier. D = Σ Cj(1 - rj): what each tier would receive as subsidy; X is shared in proportion.
  const gets = TIERS.map((t) => c[t].times(new Dec(1).minus(r[t])));
  const D = gets.reduce((a, x) => a.plus(x), new Dec(0));
  const X = p.capExcess;
  b.note(
    D.isZero()
      ? "居民自筹按类别拆分：各类应得补助之和 D 为 0（各类出资比例均为 100%），R 按各类按比例出资额拆分。"
      : `居民自筹按类别拆分：各类先按比例出资（rk × Ck），超上限部分 X 再由三类按各自应得补助 Ck × (1 - rk) 的比例分担。` +
          `各类应得补助之和 D = ${TIERS.map((t, i) => `${fmt(c[t])} × ${exactPercentText(new Dec(1).minus(r[t]))} = ${exactText(gets[i])}`).join("；")}；` +
          `D = ${exactText(D)}。每类的拆分权重 = 按比例出资 + X × 该类应得补助 ÷ D（单位：元），R 按三类权重用最大余额法拆分到分，三类合计恰等于 R。`,
  );
  let k = 0;
  const stepNo = ++n;
  for (const t of TIERS) {
    const i = TIERS.indexOf(t);
    const own = parts[i];
    const share = D.isZero() ? new Dec(0) : X.times(gets[i]).dividedBy(D);
    step({
      step: `${stepNo}.${++k} 居民自筹·${TIER_LABELS[t]}`,
      name: "",
      formula: `${TIER_ABBR[t]} = r×C + X × C×(1-r) ÷ D`,
      put: D.isZero()
        ? exactText(own)
        : `${exactText(own)} + ${fmt(X)} × ${exactText(gets[i])} ÷ ${exactText(D)} = ${exactText(own)} + ${approxText(share).replace("≈ ", "")}${share.decimalPlaces() > 2 ? "…" : ""}，按最大余额法取到分`,
      value: money(p.residentByTier[t]),
      rule: `${CITATIONS.reading}：超上限部分按各类应得补助分担`,
    });
  }
  step({
    step: `${stepNo}.4 三类合计`,
    name: "",
    formula: "Rb + Ri + Re = R",
    put: TIERS.map((t) => fmt(p.residentByTier[t])).join(" + "),
    value: money(sumMoney(TIERS.map((t) => p.residentByTier[t]))),
    rule: "等于居民自筹 R",
  });

  // 二、住户
  const t = result.totals;
  const rows = result.input.households ?? [];
  const hs = result.households ?? [];
  if (t !== undefined && hs.length > 0) {
    b.section(`二、住户分摊、救助与应缴（${hs.length} 户，逐户数见“测算结果”）`);
    const weighted = rows.filter((x) => x.weight !== undefined).length;
    const weightOf = (i: number) => new Dec(rows[i].weight ?? rows[i].area);
    const total = rows.reduce((a, _, i) => a.plus(weightOf(i)), new Dec(0));
    const basis = weighted > 0 ? `Σ分摊权重 ${decimalText(total)}（${weighted} 户按分摊系数，其余按建筑面积）` : `Σ建筑面积 ${areaText(householdArea(result))}`;
    const first = hs[0];
    const stepNo2 = ++n;
    let k2 = 0;
    for (const tier of TIERS) {
      const exact = total.isZero() ? new Dec(0) : p.residentByTier[tier].times(weightOf(0)).dividedBy(total);
      step({
        step: `${stepNo2}.${++k2} 各户${TIER_LABELS[tier]}分摊`,
        name: "",
        formula: `每户 = 该类居民自筹 × 本户${weighted > 0 ? "权重" : "面积"} ÷ Σ，最大余额法到分`,
        put: `${fmt(p.residentByTier[tier])} 按 ${basis} 分摊；例：${first.id} 为 ${fmt(p.residentByTier[tier])} × ${decimalText(weightOf(0))} ÷ ${decimalText(total)} ${eqText(exact)}，取 ${fmt(first.byTier[tier])}`,
        value: yuan(t.byTier[tier]),
        rule: `${CITATIONS.reading}：按面积，最大余额法`,
      });
    }
    step({
      name: "应分摊合计",
      formula: "Σ 每户三类分摊之和",
      put: `${TIERS.map((x) => fmt(t.byTier[x])).join(" + ")}`,
      value: yuan(t.gross),
      rule: "等于居民自筹 R",
    });
    const byRate = new Map<string, { n: number; relief: Fen }>();
    let grantN = 0;
    for (const h of hs) {
      if (!h.reliefRate.isZero()) {
        const key = h.reliefRate.toString();
        const e = byRate.get(key) ?? { n: 0, relief: 0 as Fen };
        e.n++;
        e.relief = (e.relief + h.relief) as Fen;
        byRate.set(key, e);
      }
      if (h.grant > 0) grantN++;
    }
    const reliefTiers = pol.reliefTiers.map((x) => TIER_LABELS[x]).join("、");
    const groups = [...byRate].sort((a, b2) => Number(b2[0]) - Number(a[0]));
    for (const [rate, e] of groups) {
      step({
        name: `临时救助（救助比例 ${exactPercentText(rate)}）`,
        formula: `每户 = 四舍五入到分(${exactPercentText(rate)} × 本户${reliefTiers}分摊)`,
        put: `${e.n} 户，合计`,
        value: yuan(e.relief),
        rule: `${CITATIONS.relief}（就高不就低；民政）`,
      });
    }
    step({
      name: "临时救助合计",
      formula: "Σ 各户临时救助",
      put: groups.length === 0 ? "无救助对象" : `${groups.reduce((a, [, e]) => a + e.n, 0)} 户：${groups.map(([, e]) => fmt(e.relief)).join(" + ")}`,
      value: yuan(t.relief),
      rule: CITATIONS.relief,
    });
    step({
      name: "送温暖补助",
      formula: `每户 = min(${fmt(pol.grantHardshipWorker)}, 应分摊 - 临时救助)`,
      put: `${grantN} 户生活困难职工`,
      value: yuan(t.grant),
      rule: `${CITATIONS.grant}（总工会）`,
    });
    step({
      name: "应缴合计",
      formula: "Σ(应分摊 - 临时救助 - 送温暖补助)",
      put: `${fmt(t.gross)} - ${fmt(t.relief)} - ${fmt(t.grant)}`,
      value: yuan(t.net),
      rule: "每户不小于 0",
    });
    step({ name: "已缴合计", formula: "Σ 已缴金额", put: `${hs.length} 户`, value: yuan(t.paid), rule: "住户表“已缴金额”" });
    step({ name: "应补(退)合计", formula: "Σ(应缴 - 已缴)", put: `${fmt(t.net)} - ${fmt(t.paid)}`, value: yuan(t.balance), rule: "大于 0 补缴，小于 0 退还" });
    step({
      name: "到位比例",
      formula: "Σ min(已缴, 应缴) ÷ Σ 应缴，向下取到 0.01%",
      put: `${fmt(t.collected)} ÷ ${fmt(t.net)}`,
      value: displayRatio(t.collectionRate),
      format: FORMATS.percent,
      rule: `${t.fullyCollected ? "自筹资金已全部到位" : "自筹资金未全部到位"}（${CITATIONS.priority}）`,
    });
  }

  // Sections added by other features (issue 13: elevators).
  const extra = meta.extraSections ?? elevatorAuditSections(result);
  let section = t !== undefined && hs.length > 0 ? 3 : 2;
  for (const s of extra) {
    b.section(`${CHINESE_NUMBERS[section++]}、${s.title}`);
    if (s.note !== undefined) b.note(s.note);
    for (const x of s.steps) step({ ...x, step: x.step, name: x.step });
  }

  // 表决与审批
  b.section(`${CHINESE_NUMBERS[section++]}、表决与审批`);
  const v = result.vote;
  if (v !== undefined) {
    const d = v.detail;
    step({
      name: "参与表决",
      formula: "参与面积 ≥ 2/3 总面积，且参与户数 ≥ 2/3 总户数",
      put: `面积 ${areaText(d.participatingArea)} / ${areaText(d.totalArea)}；户数 ${d.participating} / ${d.households}`,
      value: passed(v.participationPassed),
      format: "General",
      rule: `${CITATIONS.vote} 双三分之二；${CITATIONS.civilCode}`,
    });
    step({
      name: "同意改造",
      formula: "同意面积 ≥ 3/4 参与面积，且同意户数 ≥ 3/4 参与户数",
      put: `面积 ${areaText(d.agreeingArea)} / ${areaText(d.participatingArea)}；户数 ${d.agreeing} / ${d.participating}`,
      value: passed(v.approvalPassed),
      format: "General",
      rule: `${CITATIONS.vote} 双四分之三；${CITATIONS.civilCode}`,
    });
  }
  step({
    name: "审批路径",
    formula: `T ≤ ${fmt(roundFen(pol.merge3Max))} 三合一；≤ ${fmt(roundFen(pol.merge2Max))} 二合一；以上分别审批`,
    put: `T = ${fmt(p.totalInvestment)}：${APPROVAL_PATH_TEXTS[p.approvalPath].zh}`,
    value: APPROVAL_PATH_TEXTS[p.approvalPath].short,
    format: "General",
    rule: CITATIONS.approval,
  });

  // 运行信息
  b.section(`${CHINESE_NUMBERS[section++]}、运行信息`);
  const info = (label: string, value: string) => b.plain([label, value, null, null, null], [], [[1, 4]]);
  if (meta.source !== undefined) {
    info("输入文件", meta.source);
    info("SHA-256", meta.sourceSha256 ?? "（未提供）");
  } else {
    info("输入文件", "当前打开的工作簿（任务窗格直接读取单元格，没有输入文件，因此不计算文件摘要 SHA-256）");
  }
  info("程序及版本", meta.version);
  info("运行时间", localTime(meta.time));
  info("测算阶段", `${STAGE_LABELS[meta.stage]}${meta.stageBasis === undefined ? "" : `：${stageReason(meta.stageBasis).zh}`}`);
  info("读取行数", `政策参数 ${meta.rowCounts.policyRows} 行；项目信息 ${meta.rowCounts.projectRows} 行；住户 ${meta.rowCounts.households} 户`);
  const skipped = meta.skippedRows ?? [];
  if (skipped.length > 0) info("跳过的合计行", `${skipped.join("、")}（房号为合计/总计/小计/Total/Sum，位于最后一户之后，不计为住户）`);
  if (meta.notCarried !== undefined && meta.notCarried.length > 0) info("未带入结果文件", `${meta.notCarried.join("；")}。输入工作簿本身未改动。`);
  info(
    "说明",
    "本说明列出每一步的公式、代入的数值和结果，并注明政策依据（文号及条款，全称见“依据文件”）。金额以元为单位、精确到分；" +
      "“四舍五入到分”指四舍五入到 0.01 元；“最大余额法”指各份先向下取到分，剩余的分依次补给舍去部分最大的份（相同时在前者优先），使各份之和恰等于总数；" +
      "比例向下取到 0.01%（未全部到位时不显示 100%）。",
  );

  // 依据文件
  b.section(`${CHINESE_NUMBERS[section++]}、依据文件`);
  b.header(
    ["简称", "文件全称", null, "本说明引用的条款", null],
    [
      [1, 2],
      [3, 4],
    ],
  );
  const used: SourceId[] = ["yueqing", "fujian", "civilCode", "reading", ...extra.flatMap((s) => s.sources ?? [])];
  for (const id of [...new Set(used)]) {
    b.body(
      [SOURCES[id].number, SOURCES[id].title, null, CITED[id] ?? "", null],
      [],
      [
        [1, 2],
        [3, 4],
      ],
    );
  }

  // Signatures.
  b.blank();
  for (const role of ["编制", "复核", "审核"]) b.sign(`${role}：`, "日期：　　　　年　　月　　日");
  return b.finish({ freezeRows: header });
}

const TIER_ABBR: Readonly<Record<(typeof TIERS)[number], string>> = { basic: "Rb", improvement: "Ri", enhancement: "Re" };
const CHINESE_NUMBERS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** `= 300.00` when the quotient is exact to the fen, else `≈ 300.01`. */
function eqText(d: Decimal): string {
  const t = approxText(d);
  return t.startsWith("≈") ? t : `= ${t}`;
}
