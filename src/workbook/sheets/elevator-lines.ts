/**
 * The elevator lines of the other output sheets (elevator-rules.md): 资金汇总, 计算说明, 公示, 缴费通知单 and
 * 项目汇总 take them through their extension points; 电梯分摊 itself is elevator-sheet.ts. Every amount is the engine's exact value; every rule cites its source.
 */
import {
  CITATIONS,
  CalcResult,
  Dec,
  ElevatorResult,
  Fen,
  Money,
  Yuan,
  displayRatio,
  elevatorWeightSum,
  fenToYuan,
  settlementStatus,
  subsidyFormula,
  subsidyRuleText,
  sumMoney,
} from "../../engine";
import { CellValue } from "../grid";
import type { AuditSection } from "./audit-sheet";
import type { NoticeLine } from "./notice-sheet";
import type { PublicityColumn } from "./publicity-sheet";
import type { SummaryBlock } from "./summary-sheet";
import { FORMATS } from "../layout";
import { M, areaText, coefficientsText, decimalText, money, moneyText, passed, yuan } from "./text";

/** One line of 资金汇总's elevator part: label, value, number format of the value, rule cited. */
export interface ElevatorSummaryLine {
  readonly label: string;
  readonly value: CellValue;
  readonly format: string;
  readonly rule: string;
}

/**
 * 资金汇总's elevator part: how many elevators, Σ cost (and whether it equals the project's 加装电梯费用),
 * Σ subsidy, maintenance fund and other funds, Σ owners' part, relief, payable, paid, outstanding,
 * collection rate and votes. [] when the result has no elevators.
 * @example elevatorSummaryLines(read.result)[1] // { label: "电梯造价合计 ΣE", value: 650000, format: "#,##0.00", rule: "…不计入总投资" }
 */
export function elevatorSummaryLines(result: CalcResult): ElevatorSummaryLine[] {
  const x = result.elevators;
  if (x === undefined || x.elevators.length === 0) return [];
  const t = x.totals;
  const E = result.project.elevatorCost;
  const given = result.input.project.elevatorCostGiven === true;
  const votes = x.elevators.filter((e) => e.vote !== undefined);
  const lines: ElevatorSummaryLine[] = [
    { label: "加装电梯台数", value: t.elevators, format: FORMATS.integer, rule: `${t.households} 户分摊；见“电梯分摊”` },
    {
      label: "电梯造价合计 ΣE（不计入总投资）",
      value: money(t.cost),
      format: M,
      rule: `${given ? (t.cost.equals(E) ? "等于项目信息“加装电梯费用”；" : "不等于项目信息“加装电梯费用”（请核对）；") : ""}${CITATIONS.elevator} 不包括加装电梯投资额`,
    },
    { label: "电梯政府补助合计 ΣG", value: money(t.subsidy), format: M, rule: `按相关办法另行补助 — ${CITATIONS.elevator}` },
    { label: "电梯维修资金合计 ΣM", value: money(t.maintenanceFund), format: M, rule: "住宅专项维修资金" },
    { label: "电梯其他资金合计 ΣO", value: money(t.otherFunds), format: M, rule: "捐资、原产权单位等非业主资金" },
    { label: "电梯业主分摊合计 ΣP = ΣE - ΣG - ΣM - ΣO", value: money(t.ownersPart), format: M, rule: "各户按楼层系数与面积分摊，最大余额法到分" },
  ];
  if (result.policy.elevator.relief) lines.push({ label: "电梯困难救助合计", value: yuan(t.relief), format: M, rule: CITATIONS.relief });
  lines.push(
    { label: "电梯应缴合计", value: yuan(t.net), format: M, rule: "业主分摊 - 救助" },
    { label: "电梯已缴合计", value: yuan(t.paid), format: M, rule: "住户表 电梯已缴" },
    { label: "电梯未到位", value: yuan((t.net - t.collected) as Fen), format: M, rule: "Σ 应缴 - Σ min(已缴, 应缴)" },
    { label: "电梯到位比例", value: displayRatio(t.collectionRate), format: FORMATS.percent, rule: "Σ min(已缴, 应缴) ÷ Σ 应缴（向下取到0.01%）" },
    {
      label: "电梯表决通过",
      value: `${votes.filter((e) => e.vote!.approvalPassed).length} / ${x.elevators.length} 台`,
      format: FORMATS.general,
      rule: `${votes.length < x.elevators.length ? `${x.elevators.length - votes.length} 台未表决；` : ""}本单元住户双三分之二参与、双四分之三同意 — ${CITATIONS.civilCode}`,
    },
  );
  return lines;
}

/** One step of 计算说明 (as audit-sheet.ts writes them): step, formula, numbers put in, result, rule. */
export interface ElevatorAuditStep {
  readonly step: string;
  readonly formula: string;
  readonly put: string;
  readonly value: CellValue;
  /** Number format of the result cell (money unless stated). */
  readonly format: string;
  readonly rule: string;
}

/** The steps of one elevator (§2–§5). */
function stepsOf(result: CalcResult, e: ElevatorResult): ElevatorAuditStep[] {
  const ep = result.policy.elevator;
  const s = e.subsidy;
  const u = e.unit;
  const steps: ElevatorAuditStep[] = [];
  const step = (step: string, formula: string, put: string, value: CellValue, rule: string, format: string = M) =>
    steps.push({ step, formula, put, value, rule, format });
  step(
    `电梯§2 补助·${u}`,
    subsidyFormula(s, e.cost),
    `${subsidyRuleText(s, e.storeys).zh}（${e.storeys} 层）`,
    money(s.amount),
    s.approved ? "加装电梯表“补助金额”（核定补助，不超过造价）" : `政策参数 elevator.subsidy.*（按当地加装电梯办法）— ${CITATIONS.elevator} 按相关办法另行补助`,
  );
  step(
    `电梯§3 业主分摊·${u}`,
    "P = E - G - M - O",
    `${moneyText(e.cost)} - ${moneyText(s.amount)} - ${moneyText(e.maintenanceFund)} - ${moneyText(e.otherFunds)}`,
    money(e.ownersPart),
    "造价扣除补助、维修资金和其他资金后由本单元业主分摊",
  );
  const explicit = e.shares.filter((x) => x.explicitWeight).length;
  const k = coefficientsText(ep.floorCoefficients);
  step(
    `电梯§4 分摊·${u}`,
    ep.weight === "area" ? "每户 = P × k(楼层) × 建筑面积 ÷ Σ权重，最大余额法到分" : "每户 = P × k(楼层) ÷ Σ权重，最大余额法到分",
    `${moneyText(e.ownersPart)} 分摊至 ${e.shares.length} 户（Σ权重 ${decimalText(elevatorWeightSum(e))}；楼层系数 ${k}${explicit > 0 ? `；其中 ${explicit} 户按电梯分摊权重` : ""}）`,
    yuan(e.totals.share),
    `${CITATIONS.reading}：业主协议楼层系数；最大余额法（逐户见电梯分摊），合计 = P`,
  );
  if (ep.relief) {
    step(`电梯§4.4 救助·${u}`, "每户 = round(救助比例 × 分摊)", `${e.shares.filter((x) => x.relief > 0).length} 户`, yuan(e.totals.relief), CITATIONS.relief);
  }
  step(
    `电梯§4.5 应补(退)·${u}`,
    "Σ(应缴 - 电梯已缴)",
    `${moneyText(e.totals.net)} - ${moneyText(e.totals.paid)}`,
    yuan(e.totals.balance),
    "> 0 补缴，< 0 退还",
  );
  step(
    `电梯§4.5 到位比例·${u}`,
    "Σ min(已缴, 应缴) ÷ Σ 应缴",
    `${moneyText(e.totals.collected)} ÷ ${moneyText(e.totals.net)}`,
    displayRatio(e.totals.collectionRate),
    e.totals.fullyCollected ? "已全部到位" : "未全部到位",
    FORMATS.percent,
  );
  const v = e.vote;
  if (v !== undefined) {
    const d = v.detail;
    step(
      `电梯§5 表决·${u}`,
      "本单元：参与面积、户数 ≥ 2/3；同意面积、户数 ≥ 3/4（占参与）",
      `参与 面积 ${areaText(d.participatingArea)} / ${areaText(d.totalArea)}，户数 ${d.participating} / ${d.households}；同意 面积 ${areaText(d.agreeingArea)} / ${areaText(d.participatingArea)}，户数 ${d.agreeing} / ${d.participating}`,
      `${passed(v.participationPassed)} / ${passed(v.approvalPassed)}`,
      `${CITATIONS.civilCode}；${CITATIONS.vote}`,
      FORMATS.general,
    );
  }
  return steps;
}

/**
 * 计算说明's elevator steps: per elevator the subsidy (§2, with its formula), the owners' part (§3),
 * the split (§4), relief, settlement and collection, and the vote (§5); then Σ E against the project's
 * 加装电梯费用 (§6) and the units named by households that have no elevator (§4.1). [] without elevators.
 */
export function elevatorAuditSteps(result: CalcResult): ElevatorAuditStep[] {
  const x = result.elevators;
  if (x === undefined || x.elevators.length === 0) return [];
  const steps = x.elevators.flatMap((e) => stepsOf(result, e));
  const E = result.project.elevatorCost;
  const given = result.input.project.elevatorCostGiven === true;
  steps.push({
    step: "电梯§6 造价合计",
    formula: given ? "Σ E = 项目信息“加装电梯费用”" : "Σ E",
    put: x.elevators.map((e) => moneyText(e.cost)).join(" + "),
    value: money(x.totals.cost),
    format: M,
    rule: `${given ? (x.totals.cost.equals(E) ? "相等；" : "不相等（请核对）；") : ""}不计入总投资 T — ${CITATIONS.elevator}`,
  });
  if (x.unitsWithoutElevator.length > 0) {
    steps.push({
      step: "电梯§4.1 未加装电梯的单元",
      formula: "住户表“单元”在加装电梯表中没有对应电梯：不参与分摊",
      put: x.unitsWithoutElevator.map((u) => `${u.unit} ${u.households} 户`).join("、"),
      value: x.unitsWithoutElevator.reduce((n, u) => n + u.households, 0),
      format: FORMATS.integer,
      rule: "户数；请核对单元名称是否有误",
    });
  }
  return steps;
}

/** A household's elevator part, for 公示 and 缴费通知单 (元). */
export interface HouseholdElevatorLine {
  readonly unit: string;
  readonly floor: number;
  readonly share: Yuan;
  readonly relief: Yuan;
  readonly net: Yuan;
  readonly paid: Yuan;
  readonly balance: Yuan;
  readonly status: "补缴" | "退还" | "已结清";
}

/**
 * The elevator part of household `household` (its index in the 住户 rows), or undefined when it shares
 * no elevator — 公示 and the payment notices show the elevator share only when there is one.
 */
export function householdElevatorLine(result: CalcResult, household: number): HouseholdElevatorLine | undefined {
  const x = result.elevators;
  if (x === undefined) return undefined;
  const e = x.elevatorOf[household];
  if (e === undefined || e < 0) return undefined;
  const el = x.elevators[e];
  const s = el.shares[x.positionOf[household]];
  return {
    unit: el.unit,
    floor: s.floor,
    share: fenToYuan(s.share),
    relief: fenToYuan(s.relief),
    net: fenToYuan(s.net),
    paid: fenToYuan(s.paid),
    balance: fenToYuan(s.balance),
    status: settlementStatus(s.balance),
  };
}

/** One project's elevator figures, for 项目汇总. */
export interface ProgrammeElevatorFigures {
  readonly elevators: number;
  readonly households: number;
  readonly cost: Money;
  readonly subsidy: Money;
  readonly ownersPart: Money;
  /** Fen. */
  readonly net: number;
  readonly collected: number;
  readonly outstanding: number;
  /** Elevators whose vote passed. */
  readonly votesPassed: number;
}

/** A project's elevator figures; undefined without elevators. */
export function programmeElevatorFigures(result: CalcResult): ProgrammeElevatorFigures | undefined {
  const x = result.elevators;
  if (x === undefined || x.elevators.length === 0) return undefined;
  const t = x.totals;
  return {
    elevators: t.elevators,
    households: t.households,
    cost: t.cost,
    subsidy: t.subsidy,
    ownersPart: t.ownersPart,
    net: t.net,
    collected: t.collected,
    outstanding: t.net - t.collected,
    votesPassed: x.elevators.filter((e) => e.vote?.approvalPassed === true).length,
  };
}

/** The programme's elevator totals (exact Decimals: sums over many projects may pass 2^53 fen) and the collection rate. */
export function sumProgrammeElevators(list: readonly (ProgrammeElevatorFigures | undefined)[]): {
  readonly elevators: number;
  readonly households: number;
  readonly cost: Money;
  readonly subsidy: Money;
  readonly ownersPart: Money;
  readonly outstanding: Money;
  /** Σ collected ÷ Σ net, floored to 0.01% for display; 1 when Σ net = 0. */
  readonly collectionRate: number;
  readonly votesPassed: number;
} {
  const xs = list.filter((f): f is ProgrammeElevatorFigures => f !== undefined);
  const net = xs.reduce((s, f) => s.plus(f.net), new Dec(0));
  const collected = xs.reduce((s, f) => s.plus(f.collected), new Dec(0));
  return {
    elevators: xs.reduce((n, f) => n + f.elevators, 0),
    households: xs.reduce((n, f) => n + f.households, 0),
    cost: sumMoney(xs.map((f) => f.cost)),
    subsidy: sumMoney(xs.map((f) => f.subsidy)),
    ownersPart: sumMoney(xs.map((f) => f.ownersPart)),
    outstanding: net.minus(collected).dividedBy(100) as Money,
    collectionRate: displayRatio(net.isZero() ? 1 : collected.dividedBy(net)),
    votesPassed: xs.reduce((n, f) => n + f.votesPassed, 0),
  };
}

/** 资金汇总's elevator block (`SummaryOptions.extraBlocks`); [] without elevators. */
export function elevatorSummaryBlocks(result: CalcResult): SummaryBlock[] {
  const lines = elevatorSummaryLines(result);
  if (lines.length === 0) return [];
  return [{ title: "加装电梯（另行补助，不计入总投资）", lines: lines.map((l) => ({ label: l.label, value: l.value, format: l.format, note: l.rule })) }];
}

/** 计算说明's elevator section (`AuditMeta.extraSections`); [] without elevators. */
export function elevatorAuditSections(result: CalcResult): AuditSection[] {
  const steps = elevatorAuditSteps(result);
  if (steps.length === 0) return [];
  return [
    {
      title: "加装电梯分摊（另行补助，不计入总投资）",
      note: `总投资不包括加装电梯投资额，按相关办法另行补助（${CITATIONS.elevator}）。每台电梯：补助、业主分摊、逐户分摊（见“电梯分摊”）、到位与表决。`,
      steps: steps.map((s) => ({ step: s.step, formula: s.formula, put: s.put, value: s.value, rule: s.rule, format: s.format })),
      sources: ["yueqing", "civilCode", "reading"],
    },
  ];
}

/** A shown amount, or a dash for a household that shares no elevator. */
const orDash = (v: Yuan | undefined): CellValue => (v === undefined ? "—" : v);

/**
 * 公示's elevator columns (`PublicityOptions.extraColumns`): each household's elevator share, and what it
 * pays after relief where elevator relief applies (no category shown: the same privacy as the rest of
 * 公示); a dash for a household that shares no elevator. [] without elevators.
 */
export function elevatorPublicityColumns(result: CalcResult): PublicityColumn[] {
  const x = result.elevators;
  if (x === undefined || x.elevators.length === 0) return [];
  const n = result.households?.length ?? 0;
  const lines = Array.from({ length: n }, (_, i) => householdElevatorLine(result, i));
  const cols: PublicityColumn[] = [{ header: "电梯分摊", values: lines.map((l) => orDash(l?.share)), total: yuan(x.totals.share) }];
  if (result.policy.elevator.relief) cols.push({ header: "电梯应缴", values: lines.map((l) => orDash(l?.net)), total: yuan(x.totals.net) });
  return cols;
}

/**
 * The payment notice's elevator line (`NoticeOptions.extraLines`), one text across the notice so that four
 * notices still fit an A4 page: `应缴 52,941.18；退还 7,058.82` — the share to pay (after relief where it
 * applies) and, after what was paid, 补缴 / 退还 / 已结清; `不涉及` for a household that shares no
 * elevator. [] without elevators.
 */
export function elevatorNoticeLines(result: CalcResult): NoticeLine[] {
  const x = result.elevators;
  if (x === undefined || x.elevators.length === 0) return [];
  const n = result.households?.length ?? 0;
  const texts = Array.from({ length: n }, (_, i) => {
    const e = x.elevatorOf[i];
    if (e === undefined || e < 0) return "不涉及";
    const s = x.elevators[e].shares[x.positionOf[i]];
    const settle = s.balance > 0 ? `补缴 ${moneyText(s.balance)}` : s.balance < 0 ? `退还 ${moneyText(-s.balance as Fen)}` : "已结清";
    return `应缴 ${moneyText(s.net)}；${settle}`;
  });
  return [{ label: "加装电梯", values: texts }];
}
