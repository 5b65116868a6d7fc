/**
 * The JSON of the elevator results (elevator-rules.md): per elevator its figures, how its subsidy was
 * found, its households' totals, collection and vote; per household its `elevator` block. Money in 元
 * (`Yuan`, at most two decimals), ratios unrounded — the shape every edge shares (calculate.ts).
 */
import type { CalcResult } from "./calculate";
import { ElevatorResult, ElevatorsResult, elevatorWeight, elevatorWeightSum, subsidyFormula, subsidyRuleText } from "./elevator";
import { ElevatorSubsidyMode } from "./policy";
import { Bilingual } from "./messages";
import { Yuan, fenToYuan, moneyToYuan } from "./money";
import { VoteJson, voteJson } from "./vote";

export interface ElevatorHouseholdJson {
  unit: string;
  floor: number;
  /** k(f). */
  coefficient: number;
  /** w (k × area, k, or the explicit 电梯分摊权重). */
  weight: number;
  explicitWeight: boolean;
  share: Yuan;
  reliefRate: number;
  relief: Yuan;
  net: Yuan;
  paid: Yuan;
  balance: Yuan;
}

export interface ElevatorSubsidyJson {
  /** G used. */
  amount: Yuan;
  mode: ElevatorSubsidyMode;
  /** True when the row's 补助金额 replaced the computed G. */
  approved: boolean;
  /** G by the policy's rule. */
  computed: Yuan;
  minStoreys: number | null;
  belowMinStoreys: boolean;
  fixedAmount?: Yuan;
  rate?: number;
  rateAmount?: Yuan;
  cap?: Yuan | null;
  storeysEntry?: { storeys: number; amount: Yuan } | null;
  /** `G = min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)`. */
  formula: string;
  /** The rule in words, Chinese and English. */
  rule: Bilingual;
}

export interface ElevatorMoneyTotalsJson {
  share: Yuan;
  relief: Yuan;
  net: Yuan;
  paid: Yuan;
  balance: Yuan;
}

export interface CollectionJson {
  collected: Yuan;
  rate: number;
  fullyCollected: boolean;
}

export interface ElevatorJson {
  unit: string;
  storeys: number;
  cost: Yuan;
  subsidy: ElevatorSubsidyJson;
  maintenanceFund: Yuan;
  otherFunds: Yuan;
  /** P = E − G − M − O. */
  ownersPart: Yuan;
  households: { count: number; ids: string[] };
  /** Σ w. */
  weightTotal: number;
  /** Σ of the households' figures; `share` equals `ownersPart` to the fen. */
  totals: ElevatorMoneyTotalsJson;
  collection: CollectionJson;
  /** null when none of its households has a `participated` value. */
  vote: VoteJson | null;
}

export interface ElevatorTotalsJson extends ElevatorMoneyTotalsJson {
  elevators: number;
  households: number;
  cost: Yuan;
  subsidy: Yuan;
  maintenanceFund: Yuan;
  otherFunds: Yuan;
  ownersPart: Yuan;
  collection: CollectionJson;
}

function subsidyJson(e: ElevatorResult): ElevatorSubsidyJson {
  const s = e.subsidy;
  return {
    amount: moneyToYuan(s.amount),
    mode: s.mode,
    approved: s.approved,
    computed: moneyToYuan(s.computed),
    minStoreys: s.minStoreys,
    belowMinStoreys: s.belowMinStoreys,
    ...(s.fixedAmount !== undefined ? { fixedAmount: moneyToYuan(s.fixedAmount) } : {}),
    ...(s.rate !== undefined ? { rate: s.rate.toNumber(), rateAmount: moneyToYuan(s.rateAmount!), cap: s.cap == null ? null : moneyToYuan(s.cap) } : {}),
    ...(s.storeysEntry !== undefined
      ? { storeysEntry: s.storeysEntry === null ? null : { storeys: s.storeysEntry.storeys, amount: moneyToYuan(s.storeysEntry.amount) } }
      : {}),
    formula: subsidyFormula(s, e.cost),
    rule: subsidyRuleText(s, e.storeys),
  };
}

/** The top-level elevator members of the output JSON. */
export function elevatorOutputJson(
  r: CalcResult,
  x: ElevatorsResult,
): { elevators: ElevatorJson[]; elevatorTotals: ElevatorTotalsJson; unitsWithoutElevator: { unit: string; households: number }[] } {
  const rows = r.input.households ?? [];
  const elevators = x.elevators.map((e): ElevatorJson => {
    const t = e.totals;
    return {
      unit: e.unit,
      storeys: e.storeys,
      cost: moneyToYuan(e.cost),
      subsidy: subsidyJson(e),
      maintenanceFund: moneyToYuan(e.maintenanceFund),
      otherFunds: moneyToYuan(e.otherFunds),
      ownersPart: moneyToYuan(e.ownersPart),
      households: { count: e.shares.length, ids: e.shares.map((s) => rows[s.household].id) },
      weightTotal: elevatorWeightSum(e).toNumber(),
      totals: { share: fenToYuan(t.share), relief: fenToYuan(t.relief), net: fenToYuan(t.net), paid: fenToYuan(t.paid), balance: fenToYuan(t.balance) },
      collection: { collected: fenToYuan(t.collected), rate: t.collectionRate.toNumber(), fullyCollected: t.fullyCollected },
      vote: e.vote === undefined ? null : voteJson(e.vote),
    };
  });
  const t = x.totals;
  return {
    elevators,
    elevatorTotals: {
      elevators: t.elevators,
      households: t.households,
      cost: moneyToYuan(t.cost),
      subsidy: moneyToYuan(t.subsidy),
      maintenanceFund: moneyToYuan(t.maintenanceFund),
      otherFunds: moneyToYuan(t.otherFunds),
      ownersPart: moneyToYuan(t.ownersPart),
      share: fenToYuan(t.share),
      relief: fenToYuan(t.relief),
      net: fenToYuan(t.net),
      paid: fenToYuan(t.paid),
      balance: fenToYuan(t.balance),
      collection: { collected: fenToYuan(t.collected), rate: t.collectionRate.toNumber(), fullyCollected: t.fullyCollected },
    },
    unitsWithoutElevator: x.unitsWithoutElevator.map((u) => ({ unit: u.unit, households: u.households })),
  };
}

const NONE = {};

/** `{ elevator: {...} }` for a household that shares an elevator, else `{}` (spread into its JSON). */
export function elevatorHouseholdJson(r: CalcResult, household: number): { elevator?: ElevatorHouseholdJson } {
  const x = r.elevators;
  if (x === undefined) return NONE;
  const e = x.elevatorOf[household];
  if (e < 0) return NONE;
  const el = x.elevators[e];
  const pos = x.positionOf[household];
  const s = el.shares[pos];
  return {
    elevator: {
      unit: el.unit,
      floor: s.floor,
      coefficient: s.coefficient.toNumber(),
      weight: elevatorWeight(el, pos).toNumber(),
      explicitWeight: s.explicitWeight,
      share: fenToYuan(s.share),
      reliefRate: s.reliefRate.toNumber(),
      relief: fenToYuan(s.relief),
      net: fenToYuan(s.net),
      paid: fenToYuan(s.paid),
      balance: fenToYuan(s.balance),
    },
  };
}
