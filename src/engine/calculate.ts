/**
 * The whole calculation: validate, then project funding (§3), households (§4), vote (§5), approval
 * path (§6) — and its plain JSON output, the shape every edge (CLI, workbook, task pane) shares.
 */
import { Result, fail, ok } from "./errors";
import { Money, Yuan, fenToYuan, moneyToYuan } from "./money";
import { Policy, ParameterKey, TIERS, Tier, policyParameters } from "./policy";
import { ProjectFunding, computeProject } from "./project";
import { HouseholdResult, HouseholdTotals, computeHouseholds } from "./households";
import { VoteJson, VoteResult, tallyVote, voteJson } from "./vote";
import { CalcInput, validateInput } from "./input";
import { APPROVAL_PATH_TEXTS, ApprovalPathKind } from "./approval";
import { ElevatorsResult, computeElevators } from "./elevator";
import { ElevatorHouseholdJson, ElevatorJson, ElevatorTotalsJson, elevatorHouseholdJson, elevatorOutputJson } from "./elevator-output";

export interface CalcResult {
  readonly input: CalcInput;
  readonly policy: Policy;
  readonly project: ProjectFunding;
  readonly households?: readonly HouseholdResult[];
  readonly totals?: HouseholdTotals;
  /** Present when any household has a `participated` value. */
  readonly vote?: VoteResult;
  /** The new elevators (elevator-rules.md), when the input has at least one. */
  readonly elevators?: ElevatorsResult;
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
  // elevator-rules.md: each new elevator's subsidy and shares; nothing of it changes T, R, S or F (§6).
  let elevators: ElevatorsResult | undefined;
  if (input.elevators !== undefined && input.elevators.length > 0) {
    const e = computeElevators(input.elevators, input.households ?? [], input.policy);
    if (!e.ok) return fail(e.errors);
    elevators = e.value;
  }
  return ok({ input, policy: input.policy, project: funding, households, totals, vote, ...(elevators !== undefined ? { elevators } : {}) });
}

/** Validates and computes a raw input object (the CLI's JSON). */
export function calculate(raw: unknown): Result<CalcResult> {
  const v = validateInput(raw);
  return v.ok ? compute(v.value) : v;
}

export type TierAmounts = Record<Tier, Yuan>;

/** The JSON of a result. Money in 元 (`Yuan`: at most two decimals); ratios unrounded. */
export interface OutputJson {
  policy: { id: string; base: string; overridden: ParameterKey[]; parameters: Record<ParameterKey, number | string | null> };
  project: {
    name?: string;
    area: number;
    totalInvestment: Yuan;
    residentBase: Yuan;
    uncappedSubsidy: Yuan;
    capExcess: Yuan;
    residentTotal: Yuan;
    residentByTier: TierAmounts;
    socialCapital: Yuan;
    fiscalSubsidy: Yuan;
    fiscalPerSqm: Yuan;
    subsidyCap: Yuan | null;
    elevatorCost: Yuan;
    /** The approval path in Chinese (000 §四(四)); `approvalPathKind` is the same as a code. */
    approvalPath: string;
    approvalPathKind: ApprovalPathKind;
  };
  households?: {
    id: string;
    area: number;
    byTier: TierAmounts;
    gross: Yuan;
    reliefRate: number;
    relief: Yuan;
    grant: Yuan;
    net: Yuan;
    paid: Yuan;
    balance: Yuan;
    /** The household's part of its unit's new elevator (elevator-rules.md §4), when it shares one. */
    elevator?: ElevatorHouseholdJson;
  }[];
  totals?: {
    gross: Yuan;
    relief: Yuan;
    grant: Yuan;
    net: Yuan;
    paid: Yuan;
    balance: Yuan;
    collectionRate: number;
    fullyCollected: boolean;
  };
  vote?: VoteJson;
  /** Per new elevator (elevator-rules.md), in input order. */
  elevators?: ElevatorJson[];
  /** All elevators together. */
  elevatorTotals?: ElevatorTotalsJson;
  /** Units named by households that have no elevator, with their household counts (a misspelt unit shows here). */
  unitsWithoutElevator?: { unit: string; households: number }[];
}

const tierMoney = (m: Readonly<Record<Tier, Money>>): TierAmounts => Object.fromEntries(TIERS.map((t) => [t, moneyToYuan(m[t])])) as TierAmounts;

/** The plain JSON of a result: money as numbers in 元 with at most two decimals, ratios unrounded. */
export function toOutputJson(r: CalcResult): OutputJson {
  const p = r.project;
  const out: OutputJson = {
    policy: { id: r.policy.id, base: r.policy.base, overridden: [...r.policy.overridden], parameters: policyParameters(r.policy) },
    project: {
      ...(r.input.project.name !== undefined ? { name: r.input.project.name } : {}),
      area: r.input.project.area.toNumber(),
      totalInvestment: moneyToYuan(p.totalInvestment),
      residentBase: moneyToYuan(p.residentBase),
      uncappedSubsidy: moneyToYuan(p.uncappedSubsidy),
      capExcess: moneyToYuan(p.capExcess),
      residentTotal: moneyToYuan(p.residentTotal),
      residentByTier: tierMoney(p.residentByTier),
      socialCapital: moneyToYuan(p.socialCapital),
      fiscalSubsidy: moneyToYuan(p.fiscalSubsidy),
      fiscalPerSqm: moneyToYuan(p.fiscalPerSqm),
      subsidyCap: p.subsidyCap === null ? null : moneyToYuan(p.subsidyCap),
      elevatorCost: moneyToYuan(p.elevatorCost),
      approvalPath: APPROVAL_PATH_TEXTS[p.approvalPath].zh,
      approvalPathKind: p.approvalPath,
    },
  };
  if (r.households !== undefined && r.totals !== undefined && r.input.households !== undefined) {
    const rows = r.input.households;
    out.households = r.households.map((h, i) => ({
      id: h.id,
      area: Number(rows[i].area),
      byTier: { basic: fenToYuan(h.byTier.basic), improvement: fenToYuan(h.byTier.improvement), enhancement: fenToYuan(h.byTier.enhancement) },
      gross: fenToYuan(h.gross),
      reliefRate: h.reliefRate.toNumber(),
      relief: fenToYuan(h.relief),
      grant: fenToYuan(h.grant),
      net: fenToYuan(h.net),
      paid: fenToYuan(h.paid),
      balance: fenToYuan(h.balance),
      ...elevatorHouseholdJson(r, i),
    }));
    const t = r.totals;
    out.totals = {
      gross: fenToYuan(t.gross),
      relief: fenToYuan(t.relief),
      grant: fenToYuan(t.grant),
      net: fenToYuan(t.net),
      paid: fenToYuan(t.paid),
      balance: fenToYuan(t.balance),
      collectionRate: t.collectionRate.toNumber(),
      fullyCollected: t.fullyCollected,
    };
  }
  if (r.vote !== undefined) out.vote = voteJson(r.vote);
  if (r.elevators !== undefined) Object.assign(out, elevatorOutputJson(r, r.elevators));
  return out;
}
