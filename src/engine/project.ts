/**
 * Project funding (funding-rules.md §3; 000 §五(二)1): total investment, the weighted resident base,
 * the capped fiscal subsidy, the excess above the cap borne by residents, and R split by tier.
 */
import Decimal from "decimal.js";
import { Money, ONE, floorFen, roundFen, sum, sumMoney } from "./money";
import { Result, engineError, fail, ok } from "./errors";
import { Policy, TIERS, Tier } from "./policy";
import { allocate } from "./allocate";
import { ApprovalPathKind, approvalPathKind } from "./approval";

export interface ProjectInput {
  readonly name?: string;
  /** 改造建筑面积 m², > 0, including shared area (000 §五(二)1). */
  readonly area: Decimal;
  /** Tier costs, 元, ≥ 0. */
  readonly costs: Readonly<Record<Tier, Money>>;
  /** 社会资金, 元, ≥ 0. */
  readonly socialCapital: Money;
  /** 加装电梯, 元, ≥ 0: reported, never part of T (000 §五(二)1). */
  readonly elevatorCost: Money;
  /** True when the input gave `elevatorCost` (then Σ of the elevators' costs must equal it: elevator-rules.md §6). */
  readonly elevatorCostGiven?: boolean;
}

export interface ProjectFunding {
  /** T = Cb + Ci + Ce. */
  readonly totalInvestment: Money;
  /** R0 = round(Σ rk·Ck). */
  readonly residentBase: Money;
  /** F0 = T − R0 − S. */
  readonly uncappedSubsidy: Money;
  /** floor_fen(c·A); null when the policy has no cap. */
  readonly subsidyCap: Money | null;
  /** F = min(F0, cap). */
  readonly fiscalSubsidy: Money;
  /** X = F0 − F, borne by residents. */
  readonly capExcess: Money;
  /** R = R0 + X. */
  readonly residentTotal: Money;
  readonly residentByTier: Readonly<Record<Tier, Money>>;
  /** The exact weights R was split by (§3.9), for the audit sheet. */
  readonly tierWeights: Readonly<Record<Tier, Decimal>>;
  readonly socialCapital: Money;
  /** round(F / A). */
  readonly fiscalPerSqm: Money;
  readonly elevatorCost: Money;
  /** §6: which approval documents may be merged (edges render its text). */
  readonly approvalPath: ApprovalPathKind;
}

/**
 * §3.2 R0 = round(rb·Cb + ri·Ci + re·Ce) — "按改造内容加权计算" (000 §五(二)1).
 * costs: 元 ≥ 0.
 * @example residentBase({ basic: 2000000, improvement: 1000000, enhancement: 500000 } (as Money), default) // 850000.00
 */
export function residentBase(costs: Readonly<Record<Tier, Money>>, policy: Policy): Money {
  return roundFen(sum(TIERS.map((t) => policy.tierRates[t].times(costs[t]))));
}

/**
 * §3.9 (reading): the excess above the cap is charged to each tier in proportion to the subsidy that
 * tier would have received. Weights rk·Ck + X·Ck·(1−rk)/D with D = Σ Cj·(1−rj) are multiplied through
 * by D so that they stay finite decimals (the split is scale-invariant), which keeps the tie-breaks exact.
 */
export function tierWeights(costs: Readonly<Record<Tier, Money>>, excess: Money, policy: Policy): Record<Tier, Decimal> {
  const D = sum(TIERS.map((t) => costs[t].times(ONE.minus(policy.tierRates[t]))));
  const w = {} as Record<Tier, Decimal>;
  for (const t of TIERS) {
    const base = policy.tierRates[t].times(costs[t]);
    // D = 0 only when every tier is fully resident-funded; then X is 0 and the base weights alone apply.
    w[t] = D.isZero() ? base : base.times(D).plus(excess.times(costs[t]).times(ONE.minus(policy.tierRates[t])));
  }
  return w;
}

/**
 * Computes a project's funding mix (§3). Fails when social capital exceeds what is left after
 * residents' funds (§3.3).
 */
export function computeProject(input: ProjectInput, policy: Policy): Result<ProjectFunding> {
  const T = sumMoney(TIERS.map((t) => input.costs[t]));
  const R0 = residentBase(input.costs, policy);
  const S = input.socialCapital;
  const F0 = T.minus(R0).minus(S) as Money;
  if (F0.isNegative()) {
    // §3.3: F0 < 0 is invalid input, nothing computed.
    return fail([engineError("funding.socialCapital", ["project", "socialCapital"], { found: S.toFixed(2), left: T.minus(R0).toFixed(2) })]);
  }
  // 000 §五(二)1: 高于300元/m²的按300元/m²补助；低于的按实补助 — floor so F never exceeds c per m².
  const cap = policy.capPerSqm === null ? null : floorFen(policy.capPerSqm.times(input.area));
  const F = cap !== null && cap.lessThan(F0) ? cap : F0;
  // 000 §五(二)1: 超出部分居民自理.
  const X = F0.minus(F) as Money;
  const R = R0.plus(X) as Money;
  const weights = tierWeights(input.costs, X, policy);
  const split = allocate(
    R,
    TIERS.map((t) => weights[t]),
  );
  const residentByTier = { basic: split[0], improvement: split[1], enhancement: split[2] };
  return ok({
    totalInvestment: T,
    residentBase: R0,
    uncappedSubsidy: F0,
    subsidyCap: cap,
    fiscalSubsidy: F,
    capExcess: X,
    residentTotal: R,
    residentByTier,
    tierWeights: weights,
    socialCapital: S,
    fiscalPerSqm: roundFen(F.dividedBy(input.area)),
    elevatorCost: input.elevatorCost,
    approvalPath: approvalPathKind(T, policy),
  });
}
