/**
 * 计算说明 — the audit trail: each step of funding-rules.md §3 and §4 with its formula, the numbers put
 * in, the result and the rule cited by 文号, so an accountant can re-check every number by hand; then
 * the run's time, version, input and rows read.
 */
import { APPROVAL_PATH_TEXTS, CITATIONS, CalcResult, Dec, Fen, TIERS, displayRatio, roundFen, sum, sumMoney } from "../../engine";
import { CellValue, SheetBuilder, SheetData, cellAddress, printSpec } from "../grid";
import { FORMATS, SHEETS, STAGE_LABELS, Stage } from "../layout";
import { StageBasis, stageReason } from "../read";
import { M, TIER_LABELS, formatFor, householdArea, money, moneyText, passed, yuan } from "./text";

const fmt = moneyText;
const plain = (d: { toFixed(): string }): string => d.toFixed();

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
  /** What of the input file was not carried over into the result file (RunMeta.notCarried). */
  readonly notCarried?: readonly string[];
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

  step(
    "§3.1 总投资",
    "T = Cb + Ci + Ce",
    `${fmt(c.basic)} + ${fmt(c.improvement)} + ${fmt(c.enhancement)}`,
    money(p.totalInvestment),
    `${CITATIONS.funding}（不含加装电梯）`,
  );
  step(
    "§3.2 居民出资基数",
    "R0 = round(rb·Cb + ri·Ci + re·Ce)",
    `${plain(r.basic)} × ${fmt(c.basic)} + ${plain(r.improvement)} × ${fmt(c.improvement)} + ${plain(r.enhancement)} × ${fmt(c.enhancement)}`,
    money(p.residentBase),
    `${CITATIONS.funding} 按改造内容加权计算`,
  );
  step(
    "§3.3 未封顶补助",
    "F0 = T − R0 − S",
    `${fmt(p.totalInvestment)} − ${fmt(p.residentBase)} − ${fmt(p.socialCapital)}`,
    money(p.uncappedSubsidy),
    CITATIONS.funding,
  );
  if (p.subsidyCap === null) step("§3.4 补助上限", "不设上限", "cap.perSqm 为空", "不设上限", "政策参数 cap.perSqm");
  else
    step(
      "§3.4 补助上限",
      "cap = floor(c × A)",
      `${plain(pol.capPerSqm!)} × ${plain(A)}`,
      money(p.subsidyCap),
      `${CITATIONS.funding} 高于300元/m²的按300元/m²补助`,
    );
  step(
    "§3.5 财政补助",
    p.subsidyCap === null ? "F = F0" : "F = min(F0, cap)",
    p.subsidyCap === null ? fmt(p.uncappedSubsidy) : `min(${fmt(p.uncappedSubsidy)}, ${fmt(p.subsidyCap)})`,
    money(p.fiscalSubsidy),
    `${CITATIONS.funding} 低于的按实补助`,
  );
  step("§3.6 超上限部分", "X = F0 − F", `${fmt(p.uncappedSubsidy)} − ${fmt(p.fiscalSubsidy)}`, money(p.capExcess), `${CITATIONS.funding} 超出部分居民自理`);
  step("§3.7 居民自筹", "R = R0 + X", `${fmt(p.residentBase)} + ${fmt(p.capExcess)}`, money(p.residentTotal), CITATIONS.funding);
  step(
    "§3.7 校验",
    "R + S + F = T",
    `${fmt(p.residentTotal)} + ${fmt(p.socialCapital)} + ${fmt(p.fiscalSubsidy)}`,
    money(sumMoney([p.residentTotal, p.socialCapital, p.fiscalSubsidy])),
    p.residentTotal.plus(p.socialCapital).plus(p.fiscalSubsidy).equals(p.totalInvestment) ? "相等 ✓" : "不相等 ✗",
  );
  step("§3.8 每平方米财政补助", "round(F ÷ A)", `${fmt(p.fiscalSubsidy)} ÷ ${plain(A)}`, money(p.fiscalPerSqm), "F ÷ A，四舍五入到分");
  const w = TIERS.map((t) => p.tierWeights[t]);
  for (const t of TIERS) {
    step(
      `§3.9 居民自筹·${TIER_LABELS[t]}`,
      "R 按权重 rk·Ck·D + X·Ck·(1−rk) 以最大余额法拆分（D = Σ Cj·(1−rj)）",
      `${fmt(p.residentTotal)} × ${plain(p.tierWeights[t])} ÷ ${plain(sum(w))}`,
      money(p.residentByTier[t]),
      `${CITATIONS.reading}：超上限部分按各类应得补助分担；最大余额法`,
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
        yuan(t.byTier[tier]),
        `${CITATIONS.reading}：按面积最大余额法（逐户见测算结果）`,
      );
    }
    step("§4.2 应分摊合计", "Σ 每户三类分摊之和", `${hs.length} 户`, yuan(t.gross), "= R");
    const byRate = new Map<string, { n: number; relief: Fen }>();
    let grantN = 0;
    for (const h of hs) {
      if (!h.reliefRate.isZero()) {
        const k = h.reliefRate.toString();
        const e = byRate.get(k) ?? { n: 0, relief: 0 as Fen };
        e.n++;
        e.relief = (e.relief + h.relief) as Fen;
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
        yuan(e.relief),
        `${CITATIONS.relief}（就高不就低）`,
      );
    }
    step("§4.3 临时救助合计", "Σ 临时救助", `${[...byRate.values()].reduce((a, e) => a + e.n, 0)} 户`, yuan(t.relief), `${CITATIONS.relief}（民政）`);
    step(
      "§4.4 送温暖补助",
      `每户 = min(${fmt(pol.grantHardshipWorker)}, 应分摊 − 临时救助)`,
      `${grantN} 户生活困难职工`,
      yuan(t.grant),
      `${CITATIONS.grant}（总工会）`,
    );
    step(
      "§4.5 应缴合计",
      "Σ(应分摊 − 临时救助 − 送温暖)",
      `${fmt(t.gross)} − ${fmt(t.relief)} − ${fmt(t.grant)}`,
      yuan(t.net),
      "应缴 = 应分摊 − 救助 − 送温暖",
    );
    step("§4.6 已缴合计", "Σ 已缴金额", `${hs.length} 户`, yuan(t.paid), "住户表 已缴金额");
    step("§4.6 应补(退)合计", "Σ(应缴 − 已缴)", `${fmt(t.net)} − ${fmt(t.paid)}`, yuan(t.balance), "> 0 补缴，< 0 退还");
    step(
      "§4.7 到位比例",
      "Σ min(已缴, 应缴) ÷ Σ 应缴",
      `${fmt(t.collected)} ÷ ${fmt(t.net)}`,
      displayRatio(t.collectionRate),
      `${t.fullyCollected ? "自筹资金已全部到位" : "自筹资金未全部到位"} — ${CITATIONS.priority}`,
      FORMATS.percent,
    );
  }
  const v = result.vote;
  if (v !== undefined) {
    const d = v.detail;
    const area = (x: { toFixed(): string }) => x.toFixed();
    step(
      "§5 参与表决",
      "参与面积 ≥ 2/3 总面积 且 参与户数 ≥ 2/3 总户数",
      `面积 ${area(d.participatingArea)} / ${area(d.totalArea)}；户数 ${d.participating} / ${d.households}`,
      passed(v.participationPassed),
      `${CITATIONS.vote} 双三分之二`,
      "General",
    );
    step(
      "§5 同意改造",
      "同意面积 ≥ 3/4 参与面积 且 同意户数 ≥ 3/4 参与户数",
      `面积 ${area(d.agreeingArea)} / ${area(d.participatingArea)}；户数 ${d.agreeing} / ${d.participating}`,
      passed(v.approvalPassed),
      `${CITATIONS.vote} 双四分之三`,
      "General",
    );
  }
  const pathRow = step(
    "§6 审批路径",
    `T ≤ ${fmt(roundFen(pol.merge3Max))} 三合一；≤ ${fmt(roundFen(pol.merge2Max))} 二合一`,
    fmt(p.totalInvestment),
    APPROVAL_PATH_TEXTS[p.approvalPath].zh,
    CITATIONS.approval,
    "General",
  );

  b.blank();
  b.row(["运行信息"], [], true);
  b.row(["运行时间", isoLocal(meta.time)]);
  b.row(["版本", meta.version]);
  if (meta.source !== undefined) b.row(["输入文件", meta.source]);
  if (meta.notCarried !== undefined && meta.notCarried.length > 0) b.row(["未复制到结果文件", meta.notCarried.join("；")]);
  b.row(["测算阶段", STAGE_LABELS[meta.stage], meta.stageBasis === undefined ? null : stageReason(meta.stageBasis).zh]);
  b.row(["读取行数：政策参数", meta.rowCounts.policyRows], ["General", FORMATS.integer]);
  b.row(["读取行数：项目信息", meta.rowCounts.projectRows], ["General", FORMATS.integer]);
  b.row(["读取行数：住户", meta.rowCounts.households], ["General", FORMATS.integer]);
  const skipped = meta.skippedRows ?? [];
  if (skipped.length > 0) b.row(["跳过的合计行（不计为住户）", skipped.join("、"), "房号为合计/总计/小计/Total/Sum，位于最后一户之后"]);
  b.row(["金额单位：元，四舍五入到分；分摊用最大余额法，合计与项目数一致到分"]);
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
