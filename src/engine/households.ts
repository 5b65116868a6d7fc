/**
 * Household allocation, relief, grant and settlement (funding-rules.md §4; 003 附件3 二; 000 §五(二)1).
 *
 * Hot loop over tens of thousands of rows: amounts are integer fen (`Fen`) in safe integers, areas exact
 * scaled integers. Every amount is bounded by the project's total or by Σ paid, both below 1万亿 元
 * (input.ts refuses more), so every sum here stays below 2^53 fen and exact; `checkSafe` turns any
 * breach of that bound into a thrown error, never a wrong number. No binary floating point rounds money.
 */
import Decimal from "decimal.js";
import { Dec, Exact, Fen, Money, ONE, Ratio, ZERO, asRatio, moneyToFen } from "./money";
import { allocateFen } from "./allocate";
import { DecimalValue, decimalText, floorDivSafe, fractionDigits, scaleValues, scaledInteger } from "./fixed";
import { X } from "./exact-int";
import { Policy, TIERS, Tier } from "./policy";
import { StatusKey, isHardshipWorker, reliefRate } from "./relief";
import type { EngineError } from "./errors";

/**
 * A validated household row (see input.ts). Areas and weights are numbers (exactly as their shortest
 * text shows) or plain decimal texts (`DecimalValue`); money is integer fen.
 */
export interface HouseholdRow {
  readonly id: string;
  readonly owner?: string;
  /** 建筑面积 m², > 0. */
  readonly area: DecimalValue;
  /** 专有面积 m², > 0 (vote weight, §5). */
  readonly exclusiveArea?: DecimalValue;
  /** 分摊系数 ≥ 0, replaces area as allocation weight (§4.1). */
  readonly weight?: DecimalValue;
  readonly status?: string;
  readonly statuses: readonly StatusKey[];
  /** 已缴金额 ≥ 0. */
  readonly paidFen: Fen;
  readonly participated?: boolean;
  readonly agreed?: boolean;
  /** 单元: the unit whose new elevator this household shares (elevator-rules.md §4.1), trimmed. */
  readonly unit?: string;
  /** 楼层: an integer (1 = ground), checked against its elevator's storeys. */
  readonly floor?: number;
  /**
   * What was wrong with a given 楼层 that is not a whole number: reported only when the household
   * shares an elevator (a 楼层 column kept for information, `三层`, must not stop other projects).
   */
  readonly floorError?: EngineError;
  /** 电梯分摊权重 ≥ 0: replaces the floor-coefficient weight (elevator-rules.md §4.2). */
  readonly elevatorWeight?: DecimalValue;
  /** 电梯已缴, fen ≥ 0; absent = 0. */
  readonly elevatorPaidFen?: Fen;
}

export interface HouseholdResult {
  readonly id: string;
  /** Tier shares, §4.1. */
  readonly byTier: Readonly<Record<Tier, Fen>>;
  readonly gross: Fen;
  readonly reliefRate: Ratio;
  readonly relief: Fen;
  readonly grant: Fen;
  readonly net: Fen;
  readonly paid: Fen;
  /** net − paid: > 0 补缴 (top-up), < 0 退还 (refund). */
  readonly balance: Fen;
}

/** What is due, paid and collected over a set of households (a project's, or one elevator's: elevator.ts). */
export interface CollectionTotals {
  readonly relief: Fen;
  readonly net: Fen;
  readonly paid: Fen;
  readonly balance: Fen;
  /** Σ min(paid, net). */
  readonly collected: Fen;
  /** Σ min(paid, net) / Σ net, exact; 1 when Σ net = 0 (§4.7). */
  readonly collectionRate: Ratio;
  /** 自筹资金已全部到位 (000 §三(四), §五(三)). */
  readonly fullyCollected: boolean;
}

export interface HouseholdTotals extends CollectionTotals {
  readonly byTier: Readonly<Record<Tier, Fen>>;
  readonly gross: Fen;
  readonly grant: Fen;
}

/** Settlement status text of the result sheet. */
export function settlementStatus(balance: Fen): "补缴" | "退还" | "已结清" {
  return balance > 0 ? "补缴" : balance < 0 ? "退还" : "已结清";
}

/** A rate as an exact fraction num/den, for integer rounding. */
export interface Fraction {
  readonly rate: Ratio;
  /** num / den = rate; in doubles when both are safe integers (else `safeUpTo` is −1). */
  readonly num: number;
  readonly den: number;
  /** Largest fen for which 2·fen·num + den is a safe integer (then `roundRateInDoubles` is exact). */
  readonly safeUpTo: number;
}

export function rateFraction(rate: Ratio): Fraction {
  const text = decimalText(rate);
  const scale = fractionDigits(text);
  const num = X.toNumber(scaledInteger(text, scale));
  const den = 10 ** scale;
  const fits = scale <= 15 && Number.isSafeInteger(num) && Number.isSafeInteger(den);
  const safeUpTo = !fits ? -1 : num === 0 ? Number.MAX_SAFE_INTEGER : Math.floor((Number.MAX_SAFE_INTEGER - den) / (2 * num)) - 1;
  return { rate, num, den, safeUpTo };
}

/** round_half_up(fen × num / den) in doubles. Requires fen ≤ f.safeUpTo. */
export function roundRateInDoubles(fen: Fen, f: Fraction): Fen {
  return floorDivSafe(2 * fen * f.num + f.den, 2 * f.den)[0] as Fen;
}

/** round_half_up(fen × rate) in exact Decimals (any size). fen ≥ 0. */
export function roundRateExactly(fen: Fen, f: Fraction): Fen {
  return new Exact(fen).times(f.rate).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() as Fen;
}

/** round_half_up(fen × rate), exact: in doubles while every product is a safe integer, else Decimals. */
function applyRate(fen: Fen, f: Fraction): Fen {
  return fen <= f.safeUpTo ? roundRateInDoubles(fen, f) : roundRateExactly(fen, f);
}

/** A total that left the safe range would be inexact: a bug upstream (input.ts bounds every sum). */
function checkSafe(name: string, v: number): Fen {
  if (!Number.isSafeInteger(v)) throw new RangeError(`households: the total ${name} (${v} fen) is outside the exact range`);
  return v as Fen;
}

/**
 * §4.1 split of each tier's resident total over households by area (or explicit weight).
 * byTier: fen per tier (from the project). rows: ≥ 1 household, allocation weights not all 0.
 */
export function allocateHouseholds(rows: readonly HouseholdRow[], byTier: Readonly<Record<Tier, Fen>>): Record<Tier, Fen[]> {
  const weights = scaleValues(rows.map((r) => r.weight ?? r.area));
  return {
    basic: allocateFen(byTier.basic, weights),
    improvement: allocateFen(byTier.improvement, weights),
    enhancement: allocateFen(byTier.enhancement, weights),
  };
}

/**
 * Computes every household's share, relief, grant, net payable and balance, and the totals (§4).
 * byTier: the project's resident total by tier (money). policy: relief rates, relief tiers, grant.
 */
export function computeHouseholds(
  rows: readonly HouseholdRow[],
  byTier: Readonly<Record<Tier, Money>>,
  policy: Policy,
): { households: HouseholdResult[]; totals: HouseholdTotals } {
  const byTierFen = { basic: moneyToFen(byTier.basic), improvement: moneyToFen(byTier.improvement), enhancement: moneyToFen(byTier.enhancement) };
  const shares = rows.length > 0 ? allocateHouseholds(rows, byTierFen) : { basic: [], improvement: [], enhancement: [] };
  const reliefTiers = new Set(policy.reliefTiers);
  const inRelief = TIERS.map((t) => reliefTiers.has(t));
  const grantFen = moneyToFen(policy.grantHardshipWorker);
  const fractions = new Map<string, Fraction>();
  const noRate = asRatio(ZERO);

  const households = new Array<HouseholdResult>(rows.length);
  let tb = 0;
  let ti = 0;
  let te = 0;
  let tRelief = 0;
  let tGrant = 0;
  let tPaid = 0;
  let tCollected = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const b = shares.basic[i];
    const im = shares.improvement[i];
    const e = shares.enhancement[i];
    const gross = (b + im + e) as Fen;
    // §4.3: relief applies to the household's shares of the relief tiers (完善类、提升类 by default).
    let rate = noRate;
    let relief = 0 as Fen;
    if (row.statuses.length > 0) {
      rate = reliefRate(row.statuses, policy);
      if (!rate.isZero()) {
        const key = rate.toString();
        let f = fractions.get(key);
        if (f === undefined) fractions.set(key, (f = rateFraction(rate)));
        relief = applyRate(((inRelief[0] ? b : 0) + (inRelief[1] ? im : 0) + (inRelief[2] ? e : 0)) as Fen, f);
      }
    }
    // §4.4 (003 附件3 二): 送温暖 grant, never more than what is left after relief.
    const grant = (isHardshipWorker(row.statuses) ? Math.min(grantFen, gross - relief) : 0) as Fen;
    const net = (gross - relief - grant) as Fen;
    const paid = row.paidFen;
    households[i] = {
      id: row.id,
      byTier: { basic: b, improvement: im, enhancement: e },
      gross,
      reliefRate: rate,
      relief,
      grant,
      net,
      paid,
      balance: (net - paid) as Fen,
    };
    tb += b;
    ti += im;
    te += e;
    tRelief += relief;
    tGrant += grant;
    tPaid += paid;
    // §4.7: over-payment by one household never hides another's arrears.
    tCollected += paid < net ? paid : net;
  }
  // Every addend is ≥ 0, so if the final double sums are safe integers every partial sum was exact.
  const gross = checkSafe("gross", tb + ti + te);
  const relief = checkSafe("relief", tRelief);
  const grant = checkSafe("grant", tGrant);
  const paid = checkSafe("paid", tPaid);
  const collected = checkSafe("collected", tCollected);
  const net = (gross - relief - grant) as Fen;
  const collectionRate = asRatio(net === 0 ? ONE : new Dec(collected).dividedBy(net));
  return {
    households,
    totals: {
      byTier: { basic: checkSafe("basic", tb), improvement: checkSafe("improvement", ti), enhancement: checkSafe("enhancement", te) },
      gross,
      relief,
      grant,
      net,
      paid,
      balance: (net - paid) as Fen,
      collected,
      collectionRate,
      fullyCollected: collected === net,
    },
  };
}
