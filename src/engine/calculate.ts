/**
 * The whole calculation: validate, then project funding (§3), households (§4), vote (§5), approval
 * path (§6) — and its plain JSON output, the shape every edge (CLI, workbook, task pane) shares.
 */
import Decimal from "decimal.js";
import { Result, fail, ok } from "./errors";
import { fenToNumber } from "./fixed";
import { moneyToNumber } from "./money";
import { Policy, ParameterKey, TIERS, Tier, policyParameters } from "./policy";
import { ProjectFunding, computeProject } from "./project";
import { HouseholdResult, HouseholdTotals, computeHouseholds } from "./households";
import { VoteResult, tallyVote } from "./vote";
import { CalcInput, validateInput } from "./input";

export interface CalcResult {
  readonly input: CalcInput;
  readonly policy: Policy;
  readonly project: ProjectFunding;
  readonly households?: readonly HouseholdResult[];
  readonly totals?: HouseholdTotals;
  /** Present when any household has a `participated` value. */
  readonly vote?: VoteResult;
}

/** Computes a validated input. Fails only on §3.3 (social capital larger than what is left). */
export function compute(input: CalcInput): Result<CalcResult> {
  const project = computeProject(input.project, input.policy);
  if (!project.ok) return fail(project.errors);
  const funding = project.value;
  let households: HouseholdResult[] | undefined;
  let totals: HouseholdTotals | undefined;
  let vote: VoteResult | undefined;
  // An empty household table is treated as none: totals of nobody would claim 自筹资金已全部到位.
  if (input.households !== undefined && input.households.length > 0) {
    const h = computeHouseholds(input.households, funding.residentByTier, input.policy);
    households = h.households;
    totals = h.totals;
    // §5: a vote is reported when any household's participation is given (HouseholdRow is a VoteRow).
    if (input.households.some((r) => r.participated !== undefined)) vote = tallyVote(input.households);
  }
  return ok({ input, policy: input.policy, project: funding, households, totals, vote });
}

/** Validates and computes a raw input object (the CLI's JSON). */
export function calculate(raw: unknown): Result<CalcResult> {
  const v = validateInput(raw);
  return v.ok ? compute(v.value) : v;
}

export type TierAmounts = Record<Tier, number>;

export interface OutputJson {
  policy: { id: string; base: string; overridden: ParameterKey[]; parameters: Record<ParameterKey, number | string | null> };
  project: {
    name?: string;
    area: number;
    totalInvestment: number;
    residentBase: number;
    uncappedSubsidy: number;
    capExcess: number;
    residentTotal: number;
    residentByTier: TierAmounts;
    socialCapital: number;
    fiscalSubsidy: number;
    fiscalPerSqm: number;
    subsidyCap: number | null;
    elevatorCost: number;
    approvalPath: string;
  };
  households?: {
    id: string;
    area: number;
    byTier: TierAmounts;
    gross: number;
    reliefRate: number;
    relief: number;
    grant: number;
    net: number;
    paid: number;
    balance: number;
  }[];
  totals?: {
    gross: number;
    relief: number;
    grant: number;
    net: number;
    paid: number;
    balance: number;
    collectionRate: number;
    fullyCollected: boolean;
  };
  vote?: {
    participationPassed: boolean;
    approvalPassed: boolean;
    participationAreaRatio: number;
    participationCountRatio: number;
    approvalAreaRatio: number;
    approvalCountRatio: number;
  };
}

const tierMoney = (m: Readonly<Record<Tier, Decimal>>): TierAmounts =>
  Object.fromEntries(TIERS.map((t) => [t, moneyToNumber(m[t])])) as TierAmounts;

/** The plain JSON of a result: money as numbers in 元 with at most two decimals, ratios unrounded. */
export function toOutputJson(r: CalcResult): OutputJson {
  const p = r.project;
  const out: OutputJson = {
    policy: { id: r.policy.id, base: r.policy.base, overridden: [...r.policy.overridden], parameters: policyParameters(r.policy) },
    project: {
      ...(r.input.project.name !== undefined ? { name: r.input.project.name } : {}),
      area: r.input.project.area.toNumber(),
      totalInvestment: moneyToNumber(p.totalInvestment),
      residentBase: moneyToNumber(p.residentBase),
      uncappedSubsidy: moneyToNumber(p.uncappedSubsidy),
      capExcess: moneyToNumber(p.capExcess),
      residentTotal: moneyToNumber(p.residentTotal),
      residentByTier: tierMoney(p.residentByTier),
      socialCapital: moneyToNumber(p.socialCapital),
      fiscalSubsidy: moneyToNumber(p.fiscalSubsidy),
      fiscalPerSqm: moneyToNumber(p.fiscalPerSqm),
      subsidyCap: p.subsidyCap === null ? null : moneyToNumber(p.subsidyCap),
      elevatorCost: moneyToNumber(p.elevatorCost),
      approvalPath: p.approvalPath,
    },
  };
  if (r.households !== undefined && r.totals !== undefined && r.input.households !== undefined) {
    const rows = r.input.households;
    out.households = r.households.map((h, i) => ({
      id: h.id,
      area: Number(rows[i].area),
      byTier: { basic: fenToNumber(h.byTier.basic), improvement: fenToNumber(h.byTier.improvement), enhancement: fenToNumber(h.byTier.enhancement) },
      gross: fenToNumber(h.gross),
      reliefRate: h.reliefRate.toNumber(),
      relief: fenToNumber(h.relief),
      grant: fenToNumber(h.grant),
      net: fenToNumber(h.net),
      paid: fenToNumber(h.paid),
      balance: fenToNumber(h.balance),
    }));
    const t = r.totals;
    out.totals = {
      gross: fenToNumber(t.gross),
      relief: fenToNumber(t.relief),
      grant: fenToNumber(t.grant),
      net: fenToNumber(t.net),
      paid: fenToNumber(t.paid),
      balance: fenToNumber(t.balance),
      collectionRate: t.collectionRate.toNumber(),
      fullyCollected: t.fullyCollected,
    };
  }
  if (r.vote !== undefined) {
    const { detail: _detail, ...vote } = r.vote;
    out.vote = vote;
  }
  return out;
}
