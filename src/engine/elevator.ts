/**
 * The elevator retrofit (elevator-rules.md; 000 §五(二)1: "不包括加装电梯投资额（按相关办法另行补助）"):
 * each new elevator's subsidy (§2), the owners' part P = E − G − M − O (§3), every household's share
 * by floor coefficient and area split to the fen by the largest-remainder rule, optional relief,
 * settlement and collection (§4), and the vote of the unit's owners (§5). Nothing here changes the
 * project's T, R, S or F.
 *
 * Amounts are exact: Money (Decimal) per elevator, integer fen per household. Σ cost and Σ 电梯已缴 are
 * bounded by 1万亿 元 when read (elevator-input.ts, input.ts), so every fen total stays a safe integer.
 */
import Decimal from "decimal.js";
import { Bilingual, message } from "./messages";
import { EngineError, Result, engineError, fail, ok } from "./errors";
import { Dec, Exact, Fen, Money, ONE, Ratio, ZERO, ZERO_MONEY, asRatio, fenToMoney, groupedYuan, moneyToFen, roundFen, sumMoney } from "./money";
import { exactPercentText } from "./ratio-text";
import { ElevatorPolicy, ElevatorSubsidyMode, Policy } from "./policy";
import { ScaledValues, decimalText, exactParts, scaleTexts, valueText } from "./fixed";
import { X } from "./exact-int";
import { allocateFen } from "./allocate";
import { CollectionTotals, Fraction, HouseholdRow, rateFraction, roundRateExactly, roundRateInDoubles } from "./households";
import { reliefRate } from "./relief";
import { VoteResult, tallyVote } from "./vote";
import { ElevatorLinks, ElevatorRow, linkElevators } from "./elevator-input";

/** How an elevator's subsidy G was found (§2), with every figure the rule used. */
export interface ElevatorSubsidy {
  /** The policy's mode (`elevator.subsidy.mode`). */
  readonly mode: ElevatorSubsidyMode;
  /** G used: the row's approved 补助金额 when given, else `computed`. */
  readonly amount: Money;
  /** G by the policy's rule (0 below `minStoreys`). */
  readonly computed: Money;
  /** True when the row's approved amount replaced the computed G. */
  readonly approved: boolean;
  /** `elevator.subsidy.minStoreys` (null = none) and whether N is below it. */
  readonly minStoreys: number | null;
  readonly belowMinStoreys: boolean;
  /** `fixed`: the amount per elevator. */
  readonly fixedAmount?: Money;
  /** `rate`: the rate, round(rate × E) and the cap (null = no cap). */
  readonly rate?: Ratio;
  readonly rateAmount?: Money;
  readonly cap?: Money | null;
  /** `storeys`: the table and the entry used (null when no listed storey count is ≤ N). */
  readonly storeysTable?: readonly { readonly storeys: number; readonly amount: Money }[];
  readonly storeysEntry?: { readonly storeys: number; readonly amount: Money } | null;
}

const minMoney = (...xs: Money[]): Money => xs.reduce((a, b) => (b.lessThan(a) ? b : a));

/**
 * §2: the subsidy of one elevator. cost: E, 元 ≥ 0; storeys: N, integer ≥ 2; approved: the row's
 * 补助金额 (≤ E, checked when read), replacing the computed G.
 * @example elevatorSubsidy(roundFen(650000), 6, { ...p, subsidyMode: "rate", subsidyRate: 0.4, subsidyCap: 280000 }).amount // 260000.00
 */
export function elevatorSubsidy(cost: Money, storeys: number, policy: ElevatorPolicy, approved?: Money): ElevatorSubsidy {
  let computed: Money = ZERO_MONEY;
  let details: Partial<ElevatorSubsidy> = {};
  switch (policy.subsidyMode) {
    case "none":
      break;
    case "fixed":
      // G = min(amount, E).
      computed = minMoney(policy.subsidyAmount, cost);
      details = { fixedAmount: policy.subsidyAmount };
      break;
    case "rate": {
      // G = min(round(rate × E), cap, E); a blank cap = no cap.
      const rateAmount = roundFen(policy.subsidyRate.times(cost));
      computed = policy.subsidyCap === null ? minMoney(rateAmount, cost) : minMoney(rateAmount, policy.subsidyCap, cost);
      details = { rate: policy.subsidyRate, rateAmount, cap: policy.subsidyCap };
      break;
    }
    case "storeys": {
      // G = min(amount, E) for the largest listed storey count ≤ N; none ≤ N → 0.
      let entry: { storeys: number; amount: Money } | null = null;
      for (const x of policy.subsidyByStoreys) if (x.storeys <= storeys) entry = x;
      if (entry !== null) computed = minMoney(entry.amount, cost);
      details = { storeysTable: policy.subsidyByStoreys, storeysEntry: entry };
      break;
    }
  }
  const belowMinStoreys = policy.minStoreys !== null && storeys < policy.minStoreys;
  if (belowMinStoreys) computed = ZERO_MONEY;
  return {
    mode: policy.subsidyMode,
    amount: approved ?? computed,
    computed,
    approved: approved !== undefined,
    minStoreys: policy.minStoreys,
    belowMinStoreys,
    ...details,
  };
}

/**
 * The subsidy's rule in words (zh / en), e.g. `按造价 40%，上限 280,000.00 元/台` — from the catalogue.
 * storeys: the elevator's N.
 */
export function subsidyRuleText(s: ElevatorSubsidy, storeys: number): Bilingual {
  if (s.approved) return message("elevator.rule.approved", { amount: groupedYuan(s.amount), computed: groupedYuan(s.computed) });
  if (s.belowMinStoreys) return message("elevator.rule.belowMin", { storeys, min: s.minStoreys! });
  switch (s.mode) {
    case "none":
      return message("elevator.rule.none");
    case "fixed":
      return message("elevator.rule.fixed", { amount: groupedYuan(s.fixedAmount!) });
    case "rate":
      return message("elevator.rule.rate", { rate: exactPercentText(s.rate!), cap: s.cap === null || s.cap === undefined ? null : groupedYuan(s.cap) });
    case "storeys": {
      const table = (s.storeysTable ?? []).map((x) => `${x.storeys}:${x.amount.toFixed()}`).join(",");
      const e = s.storeysEntry ?? null;
      return message("elevator.rule.storeys", { table, storeys, used: e === null ? null : e.storeys, amount: e === null ? null : groupedYuan(e.amount) });
    }
  }
}

/**
 * The subsidy as a formula with its numbers (计算说明, JSON): `G = min(round(0.4 × 650,000.00), 280,000.00, 650,000.00)`.
 */
export function subsidyFormula(s: ElevatorSubsidy, cost: Money): string {
  const E = groupedYuan(cost);
  if (s.approved) return `G = 核定补助金额 ${groupedYuan(s.amount)}（≤ E = ${E}）`;
  if (s.belowMinStoreys) return `G = 0（N < ${s.minStoreys}）`;
  switch (s.mode) {
    case "none":
      return "G = 0";
    case "fixed":
      return `G = min(${groupedYuan(s.fixedAmount!)}, ${E})`;
    case "rate":
      return s.cap === null || s.cap === undefined
        ? `G = min(round(${s.rate!.toFixed()} × ${E}), ${E})`
        : `G = min(round(${s.rate!.toFixed()} × ${E}), ${groupedYuan(s.cap)}, ${E})`;
    case "storeys":
      return s.storeysEntry === null || s.storeysEntry === undefined ? "G = 0（无 ≤ N 的层数档）" : `G = min(${groupedYuan(s.storeysEntry.amount)}, ${E})`;
  }
}

/** §4.2: k(f), floor 1 first; the last coefficient applies to every higher floor. floor: integer ≥ 1. */
export function floorCoefficient(floor: number, policy: ElevatorPolicy): Decimal {
  const k = policy.floorCoefficients;
  return k[Math.min(floor, k.length) - 1];
}

/** One household's part of an elevator (§4.3–4.5). */
export interface ElevatorShare {
  /** Index of the household row. */
  readonly household: number;
  readonly floor: number;
  /** k(f). */
  readonly coefficient: Decimal;
  /** True when the household's 电梯分摊权重 replaced k × area (or k). */
  readonly explicitWeight: boolean;
  readonly share: Fen;
  readonly reliefRate: Ratio;
  readonly relief: Fen;
  /** share − relief. */
  readonly net: Fen;
  /** 电梯已缴. */
  readonly paid: Fen;
  /** net − paid: > 0 补缴, < 0 退还. */
  readonly balance: Fen;
}

export interface ElevatorTotals extends CollectionTotals {
  /** Σ shares = P, to the fen. */
  readonly share: Fen;
}

/** One elevator's result. */
export interface ElevatorResult {
  readonly unit: string;
  readonly storeys: number;
  /** E. */
  readonly cost: Money;
  /** G and how it was found. */
  readonly subsidy: ElevatorSubsidy;
  /** M, O. */
  readonly maintenanceFund: Money;
  readonly otherFunds: Money;
  /** P = E − G − M − O. */
  readonly ownersPart: Money;
  /** The weights w of `shares`, scaled to integers (`elevatorWeightText` writes one). */
  readonly weights: ScaledValues;
  /** In household order. */
  readonly shares: readonly ElevatorShare[];
  readonly totals: ElevatorTotals;
  /** §5 over the elevator's households; absent when none of them has a `participated` value. */
  readonly vote?: VoteResult;
}

export interface ElevatorsResult {
  readonly elevators: readonly ElevatorResult[];
  /** Elevator index of each household row, −1 when it shares none. */
  readonly elevatorOf: Int32Array;
  /** Position of each household row in its elevator's `shares` (−1 when none). */
  readonly positionOf: Int32Array;
  /** Units named by households that have no elevator, and how many households name each (§4.1). */
  readonly unitsWithoutElevator: readonly { readonly unit: string; readonly households: number }[];
  readonly totals: {
    readonly elevators: number;
    readonly households: number;
    readonly cost: Money;
    readonly subsidy: Money;
    readonly maintenanceFund: Money;
    readonly otherFunds: Money;
    readonly ownersPart: Money;
  } & ElevatorTotals;
}

/** The weight of `shares[position]` as an exact decimal (m², or a coefficient). */
export function elevatorWeight(e: ElevatorResult, position: number): Decimal {
  const w = e.weights;
  const n = w.nums !== undefined ? new Exact(w.nums[position]) : new Exact(X.text(w.exact()[position]));
  return n.dividedBy(new Exact(10).pow(w.scale));
}

/** Σ w of an elevator, exact. */
export function elevatorWeightSum(e: ElevatorResult): Decimal {
  return new Exact(X.text(e.weights.sum)).dividedBy(new Exact(10).pow(e.weights.scale));
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact doubles up to 10^22

/** The coefficients as integers at one scale (in doubles when each is a safe integer), per policy. */
interface ScaledCoefficients {
  readonly scale: number;
  readonly ints?: readonly number[];
  readonly texts: readonly string[];
}
const coefficientCache = new WeakMap<ElevatorPolicy, ScaledCoefficients>();

function scaledCoefficients(policy: ElevatorPolicy): ScaledCoefficients {
  let c = coefficientCache.get(policy);
  if (c === undefined) {
    const texts = policy.floorCoefficients.map((k) => decimalText(k));
    const s = scaleTexts(texts);
    c = { scale: s.scale, texts, ...(s.nums !== undefined ? { ints: Array.from(s.nums) } : {}) };
    coefficientCache.set(policy, c);
  }
  return c;
}

/**
 * §4.2 weights of an elevator's households, in doubles: w = k(f) × area (`area`), k(f) (`household`),
 * or the household's explicit 电梯分摊权重, all brought to one power of ten. Undefined when a product,
 * a scaled value or the sum would pass 2^53 (then `elevatorWeightsExactly` gives the same weights).
 */
export function elevatorWeightsInDoubles(rows: readonly HouseholdRow[], members: readonly number[], policy: ElevatorPolicy): ScaledValues | undefined {
  const c = scaledCoefficients(policy);
  if (c.ints === undefined) return undefined;
  const n = members.length;
  const mant = new Float64Array(n);
  const exp = new Uint8Array(n);
  const byArea = policy.weight === "area";
  const last = c.ints.length;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = rows[members[i]];
    let m: number;
    let k: number;
    if (row.elevatorWeight !== undefined) {
      const p = typeof row.elevatorWeight === "number" ? exactParts(row.elevatorWeight) : undefined;
      if (p === undefined) return undefined;
      m = p.m;
      k = p.k;
    } else {
      const kf = c.ints[Math.min(row.floor!, last) - 1];
      if (byArea) {
        const p = typeof row.area === "number" ? exactParts(row.area) : undefined;
        if (p === undefined) return undefined;
        m = kf * p.m;
        k = c.scale + p.k;
        if (m > MAX_SAFE) return undefined;
      } else {
        m = kf;
        k = c.scale;
      }
    }
    mant[i] = m;
    exp[i] = k;
    if (k > scale) scale = k;
  }
  if (scale > 22) return undefined;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = exp[i] === scale ? mant[i] : mant[i] * POW10[scale - exp[i]];
    if (v > MAX_SAFE) return undefined;
    mant[i] = v;
    sum += v;
    if (v > max) max = v;
  }
  if (sum > MAX_SAFE) return undefined;
  const nums = mant;
  let cache: ReturnType<ScaledValues["exact"]> | undefined;
  return { scale, length: n, nums, max, sum: X.fromNumber(sum), exact: () => (cache ??= Array.from(nums, (v) => X.fromNumber(v))) };
}

/** The same weights through exact decimal texts (any size). */
export function elevatorWeightsExactly(rows: readonly HouseholdRow[], members: readonly number[], policy: ElevatorPolicy): ScaledValues {
  const c = scaledCoefficients(policy);
  const texts = members.map((k) => {
    const row = rows[k];
    if (row.elevatorWeight !== undefined) return valueText(row.elevatorWeight);
    const kf = c.texts[Math.min(row.floor!, c.texts.length) - 1];
    return policy.weight === "area" ? new Exact(kf).times(valueText(row.area)).toFixed() : kf;
  });
  return scaleTexts(texts);
}

/** round_half_up(fen × rate), exact (households.ts: in doubles while safe, else Decimals). */
function applyRate(fen: Fen, f: Fraction): Fen {
  return fen <= f.safeUpTo ? roundRateInDoubles(fen, f) : roundRateExactly(fen, f);
}

/** A total that left the safe range would be inexact: a bug upstream (the readers bound every sum). */
function checkSafe(name: string, v: number): Fen {
  if (!Number.isSafeInteger(v)) throw new RangeError(`elevators: the total ${name} (${v} fen) is outside the exact range`);
  return v as Fen;
}

function collection(net: number, collected: number): { collectionRate: Ratio; fullyCollected: boolean } {
  return { collectionRate: asRatio(net === 0 ? ONE : new Dec(collected).dividedBy(net)), fullyCollected: collected === net };
}

/**
 * Computes every elevator (§2–§5). elevators: validated rows; households: validated rows (their unit,
 * floor, elevator weight and payment); policy: `policy.elevator` and, when `elevator.relief` is 1, the
 * relief rates of funding-rules.md §4.3. Fails — every problem named — when a household does not fit
 * its elevator (§4.1), when the funds exceed an elevator's cost (§3: P < 0) or when all weights of an
 * elevator are 0 while P > 0 (§4.2).
 */
export function computeElevators(elevators: readonly ElevatorRow[], households: readonly HouseholdRow[], policy: Policy): Result<ElevatorsResult> {
  const errors: EngineError[] = [];
  const links: ElevatorLinks | undefined = linkElevators(elevators, households, errors);
  if (links === undefined) return fail(errors);
  const ep = policy.elevator;
  const positionOf = new Int32Array(households.length).fill(-1);
  const fractions = new Map<string, Fraction>();
  const noRate = asRatio(ZERO);
  const results: ElevatorResult[] = [];
  let tShare = 0;
  let tRelief = 0;
  let tPaid = 0;
  let tCollected = 0;
  let tHouseholds = 0;
  for (let e = 0; e < elevators.length; e++) {
    const row = elevators[e];
    const members = links.members[e];
    const subsidy = elevatorSubsidy(row.cost, row.storeys, ep, row.subsidy);
    // §3: P = E − G − M − O; P < 0 means the funds exceed the cost.
    const P = row.cost.minus(subsidy.amount).minus(row.maintenanceFund).minus(row.otherFunds) as Money;
    if (P.isNegative()) {
      errors.push(
        engineError("elevator.fundsExceedCost", ["elevators", e], {
          unit: row.unit,
          cost: groupedYuan(row.cost),
          subsidy: groupedYuan(subsidy.amount),
          maintenanceFund: groupedYuan(row.maintenanceFund),
          otherFunds: groupedYuan(row.otherFunds),
          owners: groupedYuan(P),
        }),
      );
      continue;
    }
    const weights = elevatorWeightsInDoubles(households, members, ep) ?? elevatorWeightsExactly(households, members, ep);
    const Pfen = moneyToFen(P);
    if (X.isZero(weights.sum) && Pfen > 0) {
      errors.push(engineError("elevator.weightsZero", ["elevators", e], { unit: row.unit, households: members.length, owners: groupedYuan(P) }));
      continue;
    }
    if (errors.length > 0) continue;
    // §4.3: P over the households by the largest-remainder rule, ties to the earlier row.
    const parts = allocateFen(Pfen, weights);
    const shares = new Array<ElevatorShare>(members.length);
    let sRelief = 0;
    let sPaid = 0;
    let sCollected = 0;
    for (let i = 0; i < members.length; i++) {
      const k = members[i];
      const h = households[k];
      const share = parts[i];
      // §4.4: no relief unless elevator.relief is 1; then round(rate × share) with the household's rate.
      let rate = noRate;
      let relief = 0 as Fen;
      if (ep.relief && h.statuses.length > 0) {
        rate = reliefRate(h.statuses, policy);
        if (!rate.isZero()) {
          const key = rate.toString();
          let f = fractions.get(key);
          if (f === undefined) fractions.set(key, (f = rateFraction(rate)));
          relief = applyRate(share, f);
        }
      }
      const net = (share - relief) as Fen;
      const paid = (h.elevatorPaidFen ?? 0) as Fen;
      shares[i] = {
        household: k,
        floor: h.floor!,
        coefficient: floorCoefficient(h.floor!, ep),
        explicitWeight: h.elevatorWeight !== undefined,
        share,
        reliefRate: rate,
        relief,
        net,
        paid,
        balance: (net - paid) as Fen,
      };
      positionOf[k] = i;
      sRelief += relief;
      sPaid += paid;
      sCollected += paid < net ? paid : net;
    }
    const share = Pfen;
    const net = share - sRelief;
    // §5: the unit's owners vote on their elevator; no participated value at all → no vote result.
    const voters = members.map((k) => households[k]);
    const vote = voters.some((h) => h.participated !== undefined) ? tallyVote(voters) : undefined;
    results.push({
      unit: row.unit,
      storeys: row.storeys,
      cost: row.cost,
      subsidy,
      maintenanceFund: row.maintenanceFund,
      otherFunds: row.otherFunds,
      ownersPart: P,
      weights,
      shares,
      totals: {
        share,
        relief: sRelief as Fen,
        net: net as Fen,
        paid: sPaid as Fen,
        balance: (net - sPaid) as Fen,
        collected: sCollected as Fen,
        ...collection(net, sCollected),
      },
      ...(vote !== undefined ? { vote } : {}),
    });
    tShare += share;
    tRelief += sRelief;
    tPaid += sPaid;
    tCollected += sCollected;
    tHouseholds += members.length;
  }
  if (errors.length > 0) return fail(errors);
  const share = checkSafe("share", tShare);
  const relief = checkSafe("relief", tRelief);
  const paid = checkSafe("paid", tPaid);
  const collected = checkSafe("collected", tCollected);
  const net = share - relief;
  return ok({
    elevators: results,
    elevatorOf: links.elevatorOf,
    positionOf,
    unitsWithoutElevator: links.unitsWithoutElevator,
    totals: {
      elevators: results.length,
      households: tHouseholds,
      cost: sumMoney(results.map((r) => r.cost)),
      subsidy: sumMoney(results.map((r) => r.subsidy.amount)),
      maintenanceFund: sumMoney(results.map((r) => r.maintenanceFund)),
      otherFunds: sumMoney(results.map((r) => r.otherFunds)),
      ownersPart: fenToMoney(share),
      share,
      relief,
      net: net as Fen,
      paid,
      balance: (net - paid) as Fen,
      collected,
      ...collection(net, collected),
    },
  });
}

/** The weight of a household as plain text (`56`, `43.645`), for cells and JSON. */
export function elevatorWeightText(e: ElevatorResult, position: number): string {
  return elevatorWeight(e, position).toFixed();
}
