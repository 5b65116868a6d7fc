/**
 * Household allocation, relief, grant and settlement (funding-rules.md §4; 003 附件3 二; 000 §五(二)1).
 *
 * Hot loop over tens of thousands of rows: amounts are integer fen in safe integers (every value is
 * bounded by the project's total, itself below 2^53 fen — see MONEY_LIMIT), areas are exact scaled
 * integers. No binary floating point touches money: doubles here only ever hold whole fen.
 */
import Decimal from "decimal.js";
import { Dec, ONE, ZERO, toFen } from "./money";
import { allocateFen } from "./allocate";
import { decimalText, floorDivSafe, fractionDigits, scaleTexts, scaledInteger } from "./fixed";
import { Policy, TIERS, Tier } from "./policy";
import { StatusKey, isHardshipWorker, reliefRate } from "./relief";

/** A validated household row (see input.ts). Areas are plain decimal texts, money integer fen. */
export interface HouseholdRow {
  readonly id: string;
  readonly owner?: string;
  /** 建筑面积 m², > 0. */
  readonly area: string;
  /** 专有面积 m², > 0 (vote weight, §5). */
  readonly exclusiveArea?: string;
  /** 分摊系数 ≥ 0, replaces area as allocation weight (§4.1). */
  readonly weight?: string;
  readonly status?: string;
  readonly statuses: readonly StatusKey[];
  /** 已缴金额, fen ≥ 0. */
  readonly paidFen: number;
  readonly participated?: boolean;
  readonly agreed?: boolean;
}

export interface HouseholdResult {
  readonly id: string;
  /** Tier shares in fen, §4.1. */
  readonly byTier: Readonly<Record<Tier, number>>;
  readonly gross: number;
  readonly reliefRate: Decimal;
  readonly relief: number;
  readonly grant: number;
  readonly net: number;
  readonly paid: number;
  /** net − paid: > 0 补缴 (top-up), < 0 退还 (refund). */
  readonly balance: number;
}

export interface HouseholdTotals {
  readonly byTier: Readonly<Record<Tier, number>>;
  readonly gross: number;
  readonly relief: number;
  readonly grant: number;
  readonly net: number;
  readonly paid: number;
  readonly balance: number;
  /** Σ min(paid, net), fen. */
  readonly collected: number;
  /** Σ min(paid, net) / Σ net, exact; 1 when Σ net = 0 (§4.7). */
  readonly collectionRate: Decimal;
  /** 自筹资金已全部到位 (000 §三(四), §五(三)). */
  readonly fullyCollected: boolean;
}

/** Settlement status text of the result sheet. */
export function settlementStatus(balanceFen: number): "补缴" | "退还" | "已结清" {
  return balanceFen > 0 ? "补缴" : balanceFen < 0 ? "退还" : "已结清";
}

/** A rate as an exact fraction num/den, for integer rounding. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
  /** Largest fen for which 2·fen·num + den is a safe integer (then doubles are exact). */
  readonly safeUpTo: number;
}

function rateFraction(rate: Decimal): Fraction {
  const text = decimalText(rate);
  const scale = fractionDigits(text);
  const num = scaledInteger(text, scale);
  const den = 10n ** BigInt(scale);
  const safeUpTo = num === 0n ? Number.MAX_SAFE_INTEGER : Number((MAX_SAFE - den) / (2n * num));
  return { num, den, safeUpTo };
}

/** round_half_up(fen × num / den), exact: in doubles while every product is a safe integer, else bigint. */
function applyRate(fen: number, f: Fraction): number {
  if (fen <= f.safeUpTo) return floorDivSafe(2 * fen * Number(f.num) + Number(f.den), 2 * Number(f.den))[0];
  return Number((2n * BigInt(fen) * f.num + f.den) / (2n * f.den));
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * §4.1 split of each tier's resident total over households by area (or explicit weight).
 * byTier: fen per tier (from the project). rows: ≥ 1 household, allocation weights not all 0.
 */
export function allocateHouseholds(rows: readonly HouseholdRow[], byTierFen: Readonly<Record<Tier, number>>): Record<Tier, number[]> {
  const weights = scaleTexts(rows.map((r) => r.weight ?? r.area));
  return {
    basic: allocateFen(byTierFen.basic, weights),
    improvement: allocateFen(byTierFen.improvement, weights),
    enhancement: allocateFen(byTierFen.enhancement, weights),
  };
}

/**
 * Computes every household's share, relief, grant, net payable and balance, and the totals (§4).
 * byTier: the project's resident total by tier (money). policy: relief rates, relief tiers, grant.
 */
export function computeHouseholds(
  rows: readonly HouseholdRow[],
  byTier: Readonly<Record<Tier, Decimal>>,
  policy: Policy,
): { households: HouseholdResult[]; totals: HouseholdTotals } {
  const byTierFen = { basic: 0, improvement: 0, enhancement: 0 };
  for (const t of TIERS) byTierFen[t] = Number(toFen(byTier[t]));
  const shares = rows.length > 0 ? allocateHouseholds(rows, byTierFen) : { basic: [], improvement: [], enhancement: [] };
  const reliefTiers = new Set(policy.reliefTiers);
  const inRelief = TIERS.map((t) => reliefTiers.has(t));
  const grantFen = Number(toFen(policy.grantHardshipWorker.toDecimalPlaces(2)));
  const fractions = new Map<string, { rate: Decimal; f: Fraction }>();

  const households = new Array<HouseholdResult>(rows.length);
  const tot = { basic: 0, improvement: 0, enhancement: 0, gross: 0, relief: 0, grant: 0, net: 0, paid: 0, balance: 0, collected: 0 };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const b = shares.basic[i];
    const im = shares.improvement[i];
    const e = shares.enhancement[i];
    const gross = b + im + e;
    // §4.3: relief applies to the household's shares of the relief tiers (完善类、提升类 by default).
    const reliefBase = (inRelief[0] ? b : 0) + (inRelief[1] ? im : 0) + (inRelief[2] ? e : 0);
    let rate: Decimal = ZERO;
    let relief = 0;
    if (row.statuses.length > 0) {
      rate = reliefRate(row.statuses, policy);
      if (!rate.isZero()) {
        const key = rate.toString();
        let entry = fractions.get(key);
        if (entry === undefined) {
          entry = { rate, f: rateFraction(rate) };
          fractions.set(key, entry);
        }
        relief = applyRate(reliefBase, entry.f);
      }
    }
    // §4.4 (003 附件3 二): 送温暖 grant, never more than what is left after relief.
    const grant = isHardshipWorker(row.statuses) ? Math.min(grantFen, gross - relief) : 0;
    const net = gross - relief - grant;
    const paid = row.paidFen;
    const balance = net - paid;
    households[i] = {
      id: row.id,
      byTier: { basic: b, improvement: im, enhancement: e },
      gross,
      reliefRate: rate,
      relief,
      grant,
      net,
      paid,
      balance,
    };
    tot.basic += b;
    tot.improvement += im;
    tot.enhancement += e;
    tot.gross += gross;
    tot.relief += relief;
    tot.grant += grant;
    tot.net += net;
    tot.paid += paid;
    tot.balance += balance;
    // §4.7: over-payment by one household never hides another's arrears.
    tot.collected += Math.min(paid, net);
  }
  const collectionRate = tot.net === 0 ? ONE : new Dec(tot.collected).dividedBy(tot.net);
  return {
    households,
    totals: {
      byTier: { basic: tot.basic, improvement: tot.improvement, enhancement: tot.enhancement },
      gross: tot.gross,
      relief: tot.relief,
      grant: tot.grant,
      net: tot.net,
      paid: tot.paid,
      balance: tot.balance,
      collected: tot.collected,
      collectionRate,
      fullyCollected: tot.collected === tot.net,
    },
  };
}

