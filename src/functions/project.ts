/**
 * RESIDENTSHARE, SUBSIDY, FUNDING, APPROVALPATH: project-level funding (funding-rules.md §3, §6;
 * 000 §五(二)1, §四(四)). Each reads and validates every argument first, then calls the engine.
 */
import Decimal from "decimal.js";
import { APPROVAL_PATH_TEXTS, Money, Policy, ProjectFunding, ZERO_MONEY, approvalPathKind, computeProject, moneyToYuan, residentBase } from "../engine";
import { readAreaArg, readMoneyArg, readOptionalMoneyArg } from "./args";
import { Checked, fromResult, good } from "./issues";
import { readPolicyArg } from "./policy-arg";

export interface TierArgs {
  readonly basic: Money;
  readonly improvement: Money;
  readonly enhancement: Money;
}

/** basic, improvement, enhancement: 元 ≥ 0 (基础类 / 完善类 / 提升类 costs). */
export function readTierArgs(basic: unknown, improvement: unknown, enhancement: unknown): Checked<TierArgs> {
  const b = readMoneyArg(basic, "basic");
  if (!b.ok) return b;
  const i = readMoneyArg(improvement, "improvement");
  if (!i.ok) return i;
  const e = readMoneyArg(enhancement, "enhancement");
  if (!e.ok) return e;
  return good({ basic: b.value, improvement: i.value, enhancement: e.value });
}

/** The shared arguments of SUBSIDY, FUNDING and HOUSEHOLDS: costs, area, [social], [policy]. */
export function readProjectArgs(
  basic: unknown,
  improvement: unknown,
  enhancement: unknown,
  area: unknown,
  social: unknown,
  policy: unknown,
): Checked<{ costs: TierArgs; area: Decimal; social: Money; policy: Policy }> {
  const costs = readTierArgs(basic, improvement, enhancement);
  if (!costs.ok) return costs;
  const a = readAreaArg(area, "area");
  if (!a.ok) return a;
  const s = readOptionalMoneyArg(social, "social");
  if (!s.ok) return s;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;
  return good({ costs: costs.value, area: a.value, social: s.value, policy: p.value });
}

/** Computes §3 for the arguments; the engine's §3.3 error (social capital too large) names `social`. */
export function fundingFor(
  basic: unknown,
  improvement: unknown,
  enhancement: unknown,
  area: unknown,
  social: unknown,
  policy: unknown,
): Checked<{ funding: ProjectFunding; policy: Policy }> {
  const args = readProjectArgs(basic, improvement, enhancement, area, social, policy);
  if (!args.ok) return args;
  const { costs, area: A, social: S, policy: p } = args.value;
  // Elevators are subsidised separately and never part of T (000 §五(二)1): no elevator argument here.
  const r = fromResult(computeProject({ area: A, costs, socialCapital: S, elevatorCost: ZERO_MONEY }, p), () => ["social"]);
  if (!r.ok) return r;
  return good({ funding: r.value, policy: p });
}

/** §3.2 R0 = round(rb·Cb + ri·Ci + re·Ce), 元. */
export function residentShareOf(basic: unknown, improvement: unknown, enhancement: unknown, policy: unknown): Checked<number> {
  const costs = readTierArgs(basic, improvement, enhancement);
  if (!costs.ok) return costs;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;
  return good(moneyToYuan(residentBase(costs.value, p.value)));
}

/** §3.5 F = min(T − R0 − S, floor_fen(c·A)), 元. */
export function subsidyOf(basic: unknown, improvement: unknown, enhancement: unknown, area: unknown, social: unknown, policy: unknown): Checked<number> {
  const r = fundingFor(basic, improvement, enhancement, area, social, policy);
  return r.ok ? good(moneyToYuan(r.value.funding.fiscalSubsidy)) : r;
}

/** One row of 7: T, R0, X, R, S, F, F per m² (元; §3.1–3.8). */
export function fundingRowOf(basic: unknown, improvement: unknown, enhancement: unknown, area: unknown, social: unknown, policy: unknown): Checked<number[][]> {
  const r = fundingFor(basic, improvement, enhancement, area, social, policy);
  if (!r.ok) return r;
  const f = r.value.funding;
  return good([[f.totalInvestment, f.residentBase, f.capExcess, f.residentTotal, f.socialCapital, f.fiscalSubsidy, f.fiscalPerSqm].map(moneyToYuan)]);
}

/** §6 (000 §四(四)): which approval documents may be merged, by total investment (元 ≥ 0). */
export function approvalPathOf(total: unknown, policy: unknown): Checked<string> {
  const t = readMoneyArg(total, "total");
  if (!t.ok) return t;
  const p = readPolicyArg(policy);
  if (!p.ok) return p;
  return good(APPROVAL_PATH_TEXTS[approvalPathKind(t.value, p.value)].zh);
}
