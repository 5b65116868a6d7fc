/**
 * Policies (funding-rules.md §7): named parameter sets, and overrides given as a base id plus the
 * keys they change. An unknown key is an error: a typo must never silently fall back to a default.
 */
import Decimal from "decimal.js";
import { Dec } from "./money";
import { EngineError, Path, Result, describe, engineError, fail, ok } from "./errors";
import { readFiniteNumber } from "./read";

export type Tier = "basic" | "improvement" | "enhancement";
export const TIERS: readonly Tier[] = ["basic", "improvement", "enhancement"];

/** Status keys that carry a relief rate (§4.3). */
export type ReliefKey = "specially-supported" | "low-income" | "family-planning-hardship" | "poor-disabled";
export const RELIEF_KEYS: readonly ReliefKey[] = ["specially-supported", "low-income", "family-planning-hardship", "poor-disabled"];

export interface Policy {
  /** Built-in id, or `custom` when a workbook / JSON changed any key. */
  readonly id: string;
  /** The built-in policy the parameters start from. */
  readonly base: BuiltInPolicyId;
  /** Keys changed from the base, in the order given. */
  readonly overridden: readonly ParameterKey[];
  readonly tierRates: Readonly<Record<Tier, Decimal>>;
  /** 元/m²; null = no cap. */
  readonly capPerSqm: Decimal | null;
  readonly reliefTiers: readonly Tier[];
  readonly reliefRates: Readonly<Record<ReliefKey, Decimal>>;
  /** 元 per hardship-worker household. */
  readonly grantHardshipWorker: Decimal;
  readonly merge3Max: Decimal;
  readonly merge2Max: Decimal;
}

export type ParameterKey =
  | "tier.basic.rate"
  | "tier.improvement.rate"
  | "tier.enhancement.rate"
  | "cap.perSqm"
  | "relief.tiers"
  | "relief.specially-supported"
  | "relief.low-income"
  | "relief.family-planning-hardship"
  | "relief.poor-disabled"
  | "grant.hardship-worker"
  | "approval.merge3.max"
  | "approval.merge2.max";

/** Every key, in the order of §7's table (also the row order of the 政策参数 sheet). */
export const PARAMETER_KEYS: readonly ParameterKey[] = [
  "tier.basic.rate",
  "tier.improvement.rate",
  "tier.enhancement.rate",
  "cap.perSqm",
  "relief.tiers",
  "relief.specially-supported",
  "relief.low-income",
  "relief.family-planning-hardship",
  "relief.poor-disabled",
  "grant.hardship-worker",
  "approval.merge3.max",
  "approval.merge2.max",
];

/** Chinese notes for each key (政策参数 sheet, 资金汇总, docs). */
export const PARAMETER_NOTES: Readonly<Record<ParameterKey, string>> = {
  "tier.basic.rate": "基础类居民出资比例 — 000 §五(二)1",
  "tier.improvement.rate": "完善类居民出资比例 — 000 §五(二)1",
  "tier.enhancement.rate": "提升类居民出资比例 — 000 §五(二)1",
  "cap.perSqm": "财政补助上限（元/m²），空白=不设上限 — 000 §五(二)1",
  "relief.tiers": "临时救助适用的改造类别 — 003 附件3 二",
  "relief.specially-supported": "特困供养人员救助比例 — 003 附件3 二",
  "relief.low-income": "低保户救助比例 — 003 附件3 二",
  "relief.family-planning-hardship": "困难计生户救助比例 — 003 附件3 二",
  "relief.poor-disabled": "贫困残疾人户救助比例 — 003 附件3 二",
  "grant.hardship-worker": "生活困难职工送温暖补助（元/户） — 003 附件3 二",
  "approval.merge3.max": "三合一审批总投资上限（元） — 000 §四(四)",
  "approval.merge2.max": "二合一审批总投资上限（元） — 000 §四(四)",
};

const d = (x: string | number) => new Dec(x);

// 000 §五(二)1: 10% / 30% / 70% by tier, cap 300 元/m²; 003 附件3 二: relief 100% / 70%, grant 1000 元;
// 000 §四(四): merged approval documents at ≤ 1000万 and ≤ 2000万.
const DEFAULT: Policy = {
  id: "default",
  base: "default",
  overridden: [],
  tierRates: { basic: d("0.1"), improvement: d("0.3"), enhancement: d("0.7") },
  capPerSqm: d(300),
  reliefTiers: ["improvement", "enhancement"],
  reliefRates: {
    "specially-supported": d(1),
    "low-income": d("0.7"),
    "family-planning-hardship": d("0.7"),
    "poor-disabled": d("0.7"),
  },
  grantHardshipWorker: d(1000),
  merge3Max: d(10_000_000),
  merge2Max: d(20_000_000),
};

// 000 alone has no relief rules: every relief rate and the grant are 0 (§7).
const YUEQING_2023: Policy = {
  ...DEFAULT,
  id: "yueqing-2023",
  base: "yueqing-2023",
  reliefRates: { "specially-supported": d(0), "low-income": d(0), "family-planning-hardship": d(0), "poor-disabled": d(0) },
  grantHardshipWorker: d(0),
};

export const BUILT_IN_POLICIES = { default: DEFAULT, "yueqing-2023": YUEQING_2023 } as const;
export type BuiltInPolicyId = keyof typeof BUILT_IN_POLICIES;
export const BUILT_IN_POLICY_IDS = Object.keys(BUILT_IN_POLICIES) as BuiltInPolicyId[];

/** Chinese names of built-in policies for pickers. */
export const POLICY_NAMES: Readonly<Record<BuiltInPolicyId, string>> = {
  default: "默认（乐清分档出资与上限 + 福建救助与送温暖）",
  "yueqing-2023": "乐清市 2023（乐政办发〔2023〕47号，无救助）",
};

export function isBuiltInPolicyId(x: unknown): x is BuiltInPolicyId {
  return typeof x === "string" && Object.prototype.hasOwnProperty.call(BUILT_IN_POLICIES, x);
}

const TIER_ALIASES: Readonly<Record<string, Tier>> = {
  basic: "basic",
  improvement: "improvement",
  enhancement: "enhancement",
  基础类: "basic",
  完善类: "improvement",
  提升类: "enhancement",
};

/** Reads `relief.tiers`: a list or text like `improvement,enhancement` / `完善类、提升类`. */
function readTiers(value: unknown, path: Path): Result<Tier[]> {
  const parts = Array.isArray(value)
    ? value
    : typeof value === "string"
      ? value.split(/[、,，;；/\s]+/).filter((s) => s !== "")
      : null;
  if (parts === null) return fail([engineError("policy.tiers", path, { found: describe(value) })]);
  const tiers: Tier[] = [];
  for (const p of parts) {
    const t = typeof p === "string" ? TIER_ALIASES[p.trim()] : undefined;
    if (t === undefined) return fail([engineError("policy.tiers", path, { found: describe(value) })]);
    if (!tiers.includes(t)) tiers.push(t);
  }
  return ok(tiers);
}

function readRate(value: unknown, path: Path): Result<Decimal> {
  const r = readFiniteNumber(value, path);
  if (!r.ok) return r;
  if (r.value.lessThan(0) || r.value.greaterThan(1)) return fail([engineError("rate.range", path, { found: describe(value) })]);
  return r;
}

function readAmount(value: unknown, path: Path): Result<Decimal> {
  const r = readFiniteNumber(value, path);
  if (!r.ok) return r;
  if (r.value.isNegative()) return fail([engineError("amount.negative", path, { found: describe(value) })]);
  return r;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? { -readonly [J in keyof T[K]]: T[K][J] } : T[K] };

function apply(p: Mutable<Policy>, key: ParameterKey, value: unknown, path: Path): EngineError[] {
  const set = <T>(r: Result<T>, f: (v: T) => void): EngineError[] => {
    if (!r.ok) return r.errors;
    f(r.value);
    return [];
  };
  switch (key) {
    case "tier.basic.rate":
    case "tier.improvement.rate":
    case "tier.enhancement.rate": {
      const tier = key.split(".")[1] as Tier;
      return set(readRate(value, path), (v) => (p.tierRates[tier] = v));
    }
    case "cap.perSqm":
      // §7: blank = no cap.
      if (value === null || (typeof value === "string" && value.trim() === "")) {
        p.capPerSqm = null;
        return [];
      }
      return set(readAmount(value, path), (v) => (p.capPerSqm = v));
    case "relief.tiers":
      return set(readTiers(value, path), (v) => (p.reliefTiers = v));
    case "relief.specially-supported":
    case "relief.low-income":
    case "relief.family-planning-hardship":
    case "relief.poor-disabled": {
      const k = key.slice("relief.".length) as ReliefKey;
      return set(readRate(value, path), (v) => (p.reliefRates[k] = v));
    }
    case "grant.hardship-worker":
      return set(readAmount(value, path), (v) => (p.grantHardshipWorker = v));
    case "approval.merge3.max":
      return set(readAmount(value, path), (v) => (p.merge3Max = v));
    case "approval.merge2.max":
      return set(readAmount(value, path), (v) => (p.merge2Max = v));
  }
}

function isParameterKey(k: string): k is ParameterKey {
  return (PARAMETER_KEYS as readonly string[]).includes(k);
}

/** One override row: a key and its value, with where it came from. */
export interface PolicyOverride {
  readonly key: string;
  readonly value: unknown;
  readonly path: Path;
}

/**
 * Builds a policy from a base id and override rows; every unknown key and bad value is reported.
 * base: a built-in id. overrides: keys of §7 with their values.
 */
export function buildPolicy(base: unknown, basePath: Path, overrides: readonly PolicyOverride[]): Result<Policy> {
  const errors: EngineError[] = [];
  const baseId = base === undefined || base === null || base === "" ? "default" : base;
  if (!isBuiltInPolicyId(baseId)) {
    const found = typeof base === "string" ? base : describe(base); // the message template quotes it
    return fail([engineError("policy.unknownId", basePath, { found, detail: BUILT_IN_POLICY_IDS.join(", ") })]);
  }
  const src = BUILT_IN_POLICIES[baseId];
  const p: Mutable<Policy> = {
    ...src,
    overridden: [],
    tierRates: { ...src.tierRates },
    reliefRates: { ...src.reliefRates },
    reliefTiers: [...src.reliefTiers],
  };
  for (const o of overrides) {
    if (!isParameterKey(o.key)) {
      errors.push(engineError("policy.unknownKey", o.path, { found: o.key, detail: ["base", ...PARAMETER_KEYS].join(", ") }));
      continue;
    }
    errors.push(...apply(p, o.key, o.value, o.path));
    (p.overridden as ParameterKey[]).push(o.key);
  }
  if (errors.length > 0) return fail(errors);
  if (p.overridden.length > 0) p.id = "custom";
  return ok(p as Policy);
}

/**
 * Resolves the `policy` member of a JSON input: omitted → `default`; a text → a built-in id;
 * an object → `{ base, ...keys }`.
 * @example resolvePolicy("yueqing-2023").ok // true
 */
export function resolvePolicy(spec: unknown, path: Path = ["policy"]): Result<Policy> {
  if (spec === undefined || spec === null) return ok(DEFAULT);
  if (typeof spec === "string") return buildPolicy(spec.trim(), path, []);
  if (typeof spec !== "object" || Array.isArray(spec)) {
    return fail([engineError("type.object", path, { found: describe(spec) })]);
  }
  const entries = Object.entries(spec as Record<string, unknown>);
  const overrides = entries.filter(([k]) => k !== "base").map(([key, value]) => ({ key, value, path: [...path, key] }));
  return buildPolicy((spec as Record<string, unknown>).base, [...path, "base"], overrides);
}

/** Parameter values as plain JSON (rates and amounts as numbers, cap null when absent). */
export function policyParameters(p: Policy): Record<ParameterKey, number | string | null> {
  return {
    "tier.basic.rate": p.tierRates.basic.toNumber(),
    "tier.improvement.rate": p.tierRates.improvement.toNumber(),
    "tier.enhancement.rate": p.tierRates.enhancement.toNumber(),
    "cap.perSqm": p.capPerSqm === null ? null : p.capPerSqm.toNumber(),
    "relief.tiers": p.reliefTiers.join(","),
    "relief.specially-supported": p.reliefRates["specially-supported"].toNumber(),
    "relief.low-income": p.reliefRates["low-income"].toNumber(),
    "relief.family-planning-hardship": p.reliefRates["family-planning-hardship"].toNumber(),
    "relief.poor-disabled": p.reliefRates["poor-disabled"].toNumber(),
    "grant.hardship-worker": p.grantHardshipWorker.toNumber(),
    "approval.merge3.max": p.merge3Max.toNumber(),
    "approval.merge2.max": p.merge2Max.toNumber(),
  };
}
