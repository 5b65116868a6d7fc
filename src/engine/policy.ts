/**
 * Policies (funding-rules.md §7, elevator-rules.md §7): named parameter sets, and overrides given as a
 * base id plus the keys they change. `readPolicyRows` is the one reader of key / value rows, used by
 * every edge: the 政策参数 sheet, a custom function's `policy` range and the JSON `policy` member.
 *
 * One rule for every edge:
 * - a row with a blank key and a blank value is skipped; a blank key with a value is an error;
 * - a key given twice is an error naming both places (which one is meant cannot be known);
 * - `base` names a built-in policy (blank = `default`);
 * - an unknown key is an error listing the accepted keys: a typo never falls back to a default;
 * - a blank value keeps the base's value — except the keys whose blank means "none"
 *   (`cap.perSqm` = no cap; `elevator.subsidy.cap`, `.byStoreys`, `.minStoreys` = none);
 * - numbers may be numbers or numbers typed as text ("0.3", full-width "２５０", "1,000");
 * - rows whose value equals the base's are not changes: the policy keeps the built-in id.
 */
import Decimal from "decimal.js";
import { Dec, Money, Ratio, asRatio, roundFen } from "./money";
import { EngineError, Path, Result, describe, engineError, engineErrorAt, fail, ok } from "./errors";
import { isBlankValue, isNegativeValue, readNumberLike, readYesNo } from "./read";
import { CITATIONS } from "./sources";

export type Tier = "basic" | "improvement" | "enhancement";
export const TIERS: readonly Tier[] = ["basic", "improvement", "enhancement"];

/** Status keys that carry a relief rate (§4.3). */
export type ReliefKey = "specially-supported" | "low-income" | "family-planning-hardship" | "poor-disabled";

/** How a city subsidises a new elevator (elevator-rules.md §2). */
export type ElevatorSubsidyMode = "none" | "fixed" | "rate" | "storeys";
export const ELEVATOR_SUBSIDY_MODES: readonly ElevatorSubsidyMode[] = ["none", "fixed", "rate", "storeys"];
/** What a floor coefficient multiplies (elevator-rules.md §4.2). */
export type ElevatorWeightMode = "area" | "household";

/** The elevator part of a policy (elevator-rules.md §7). */
export interface ElevatorPolicy {
  readonly subsidyMode: ElevatorSubsidyMode;
  /** 元 per elevator (`fixed`). */
  readonly subsidyAmount: Money;
  /** Share of E (`rate`). */
  readonly subsidyRate: Ratio;
  /** 元 per elevator (`rate`); null = no cap. */
  readonly subsidyCap: Money | null;
  /** `storeys` mode: amount by storey count, ascending storeys, no repeats. */
  readonly subsidyByStoreys: readonly { readonly storeys: number; readonly amount: Money }[];
  /** No subsidy below this many storeys; null = no minimum. */
  readonly minStoreys: number | null;
  /** Floor 1 first; the last applies to every higher floor. Each ≥ 0. */
  readonly floorCoefficients: readonly Decimal[];
  readonly weight: ElevatorWeightMode;
  /** §4.4: funding-rules §4.3 relief rates apply to elevator shares. */
  readonly relief: boolean;
}

export interface Policy {
  /** Built-in id, or `custom` when any key differs from the base's value. */
  readonly id: string;
  /** The built-in policy the parameters start from. */
  readonly base: BuiltInPolicyId;
  /** Keys whose value differs from the base, in the order given. */
  readonly overridden: readonly ParameterKey[];
  readonly tierRates: Readonly<Record<Tier, Ratio>>;
  /** 元/m²; null = no cap. */
  readonly capPerSqm: Decimal | null;
  readonly reliefTiers: readonly Tier[];
  readonly reliefRates: Readonly<Record<ReliefKey, Ratio>>;
  /** 元 per hardship-worker household. */
  readonly grantHardshipWorker: Money;
  /** §6 thresholds, 元. */
  readonly merge3Max: Decimal;
  readonly merge2Max: Decimal;
  readonly elevator: ElevatorPolicy;
}

/** Every key, in the order of the rules' tables (also the row order of the 政策参数 sheet). */
export const PARAMETER_KEYS = [
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
  "elevator.subsidy.mode",
  "elevator.subsidy.amount",
  "elevator.subsidy.rate",
  "elevator.subsidy.cap",
  "elevator.subsidy.byStoreys",
  "elevator.subsidy.minStoreys",
  "elevator.floorCoefficients",
  "elevator.weight",
  "elevator.relief",
] as const;
export type ParameterKey = (typeof PARAMETER_KEYS)[number];

/** Keys whose blank value means "none" rather than "keep the base's value". */
export const BLANK_MEANS_NONE: ReadonlySet<ParameterKey> = new Set<ParameterKey>([
  "cap.perSqm",
  "elevator.subsidy.cap",
  "elevator.subsidy.byStoreys",
  "elevator.subsidy.minStoreys",
]);

/** Chinese notes for each key (政策参数 sheet, 资金汇总, docs), citing the source by 文号. */
export const PARAMETER_NOTES: Readonly<Record<ParameterKey, string>> = {
  "tier.basic.rate": `基础类居民出资比例 — ${CITATIONS.funding}`,
  "tier.improvement.rate": `完善类居民出资比例 — ${CITATIONS.funding}`,
  "tier.enhancement.rate": `提升类居民出资比例 — ${CITATIONS.funding}`,
  "cap.perSqm": `财政补助上限（元/m²），空白=不设上限 — ${CITATIONS.funding}`,
  "relief.tiers": `临时救助适用的改造类别 — ${CITATIONS.relief}`,
  "relief.specially-supported": `特困供养人员救助比例 — ${CITATIONS.relief}`,
  "relief.low-income": `低保户救助比例 — ${CITATIONS.relief}`,
  "relief.family-planning-hardship": `困难计生户救助比例 — ${CITATIONS.relief}`,
  "relief.poor-disabled": `贫困残疾人户救助比例 — ${CITATIONS.relief}`,
  "grant.hardship-worker": `生活困难职工送温暖补助（元/户） — ${CITATIONS.grant}`,
  "approval.merge3.max": `三合一审批总投资上限（元） — ${CITATIONS.approval}`,
  "approval.merge2.max": `二合一审批总投资上限（元） — ${CITATIONS.approval}`,
  "elevator.subsidy.mode": "加装电梯补助方式：none 不补助 / fixed 定额 / rate 按比例 / storeys 按层数 — 按当地加装电梯办法",
  "elevator.subsidy.amount": "每台定额补助（元），fixed 方式",
  "elevator.subsidy.rate": "补助比例（占造价），rate 方式",
  "elevator.subsidy.cap": "每台补助上限（元），rate 方式；空白=不设上限",
  "elevator.subsidy.byStoreys": "按层数补助：层数:金额，逗号分隔，如 4:160000,5:180000；空白=无",
  "elevator.subsidy.minStoreys": "低于此层数不补助；空白=不限",
  "elevator.floorCoefficients": "楼层系数，1层在前，逗号分隔，最后一个适用于更高楼层（业主协议）",
  "elevator.weight": "分摊权重：area 系数×面积 / household 每户按系数",
  "elevator.relief": "电梯分摊是否适用困难救助比例：1 适用 / 0 不适用",
};

const d = (x: string | number) => new Dec(x);
const r = (x: string | number) => asRatio(d(x));

/** No city is built in (elevator-rules.md): no subsidy, floors 1–2 exempt, by area. */
const NO_ELEVATOR_SUBSIDY: ElevatorPolicy = {
  subsidyMode: "none",
  subsidyAmount: roundFen(0),
  subsidyRate: r(0),
  subsidyCap: null,
  subsidyByStoreys: [],
  minStoreys: null,
  floorCoefficients: [d(0), d(0), d(1)],
  weight: "area",
  relief: false,
};

// 000 §五(二)1: 10% / 30% / 70% by tier, cap 300 元/m²; 003 附件3 二: relief 100% / 70%, grant 1000 元;
// 000 §四(四): merged approval documents at ≤ 1000万 and ≤ 2000万.
const DEFAULT: Policy = {
  id: "default",
  base: "default",
  overridden: [],
  tierRates: { basic: r("0.1"), improvement: r("0.3"), enhancement: r("0.7") },
  capPerSqm: d(300),
  reliefTiers: ["improvement", "enhancement"],
  reliefRates: { "specially-supported": r(1), "low-income": r("0.7"), "family-planning-hardship": r("0.7"), "poor-disabled": r("0.7") },
  grantHardshipWorker: roundFen(1000),
  merge3Max: d(10_000_000),
  merge2Max: d(20_000_000),
  elevator: NO_ELEVATOR_SUBSIDY,
};

// 000 alone has no relief rules: every relief rate and the grant are 0 (§7).
const YUEQING_2023: Policy = {
  ...DEFAULT,
  id: "yueqing-2023",
  base: "yueqing-2023",
  reliefRates: { "specially-supported": r(0), "low-income": r(0), "family-planning-hardship": r(0), "poor-disabled": r(0) },
  grantHardshipWorker: roundFen(0),
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

function isParameterKey(k: string): k is ParameterKey {
  return (PARAMETER_KEYS as readonly string[]).includes(k);
}

// ---------------------------------------------------------------------------------------------------
// Value readers (the value is never blank here: blanks are decided by readPolicyRows).

/** Separators of lists typed in one cell: 、 , ， ; ； / and spaces. */
const LIST_SEPARATORS = /[、,，;；/\s\u3000]+/;

const TIER_ALIASES: ReadonlyMap<string, Tier> = new Map<string, Tier>([
  ["basic", "basic"],
  ["improvement", "improvement"],
  ["enhancement", "enhancement"],
  ["基础类", "basic"],
  ["完善类", "improvement"],
  ["提升类", "enhancement"],
]);

/** `relief.tiers`: a list or text like `improvement,enhancement` / `完善类、提升类`; `[]` = none. */
function readTiers(value: unknown, path: Path): Result<Tier[]> {
  const parts = Array.isArray(value) ? value : typeof value === "string" ? value.split(LIST_SEPARATORS).filter((s) => s !== "") : null;
  const bad = () => fail<Tier[]>([engineError("policy.tiers", path, { found: describe(value) })]);
  if (parts === null) return bad();
  const tiers: Tier[] = [];
  for (const p of parts) {
    // A Map, not an object: `constructor` or `__proto__` must never look like a tier.
    const t = typeof p === "string" ? TIER_ALIASES.get(p.normalize("NFKC").trim()) : undefined;
    if (t === undefined) return bad();
    if (!tiers.includes(t)) tiers.push(t);
  }
  return ok(tiers);
}

function readRate(value: unknown, path: Path): Result<Ratio> {
  const n = readNumberLike(value, path);
  if (!n.ok) return n;
  if (n.value.lessThan(0) || n.value.greaterThan(1)) return fail([engineError("rate.range", path, { found: describe(value) })]);
  return ok(asRatio(n.value.abs()));
}

function readAmount(value: unknown, path: Path): Result<Decimal> {
  const n = readNumberLike(value, path);
  if (!n.ok) return n;
  if (isNegativeValue(n.value)) return fail([engineError("amount.negative", path, { found: describe(value) })]);
  return ok(n.value.abs());
}

function readStoreys(value: unknown, path: Path): Result<number> {
  const n = readNumberLike(value, path);
  if (!n.ok) return n;
  if (!n.value.isInteger() || n.value.lessThan(2) || n.value.greaterThan(200)) return fail([engineError("policy.storeys", path, { found: describe(value) })]);
  return ok(n.value.toNumber());
}

/** One of a few words, with Chinese aliases, case- and width-insensitive. */
function readChoice<T extends string>(value: unknown, path: Path, choices: ReadonlyMap<string, T>): Result<T> {
  const t = typeof value === "string" ? choices.get(value.normalize("NFKC").trim().toLowerCase()) : undefined;
  if (t !== undefined) return ok(t);
  const accepted = [...new Set(choices.values())];
  return fail([engineError("policy.choice", path, { found: describe(value), accepted })]);
}

const MODE_ALIASES = new Map<string, ElevatorSubsidyMode>([
  ["none", "none"],
  ["fixed", "fixed"],
  ["rate", "rate"],
  ["storeys", "storeys"],
  ["不补助", "none"],
  ["定额", "fixed"],
  ["按比例", "rate"],
  ["按层数", "storeys"],
]);
const WEIGHT_ALIASES = new Map<string, ElevatorWeightMode>([
  ["area", "area"],
  ["household", "household"],
  ["面积", "area"],
  ["按户", "household"],
]);

/** `0,0,0.7,0.8` (floor 1 first) → decimals ≥ 0; a single number is a list of one. */
function readCoefficients(value: unknown, path: Path): Result<Decimal[]> {
  const bad = () => fail<Decimal[]>([engineError("policy.coefficients", path, { found: describe(value) })]);
  const parts =
    typeof value === "number" || Decimal.isDecimal(value)
      ? [value]
      : typeof value === "string"
        ? value
            .normalize("NFKC")
            .split(/[,;、\s]+/)
            .filter((s) => s !== "")
        : [];
  if (parts.length === 0 || parts.length > 200) return bad();
  const out: Decimal[] = [];
  for (const p of parts) {
    const n = readNumberLike(p, path);
    if (!n.ok || isNegativeValue(n.value)) return bad();
    out.push(n.value.abs());
  }
  return ok(out);
}

/** `4:160000,5:180000` → pairs by ascending storeys; storeys integers ≥ 2, amounts ≥ 0, no repeats. */
function readByStoreys(value: unknown, path: Path): Result<{ storeys: number; amount: Money }[]> {
  const bad = () => fail<{ storeys: number; amount: Money }[]>([engineError("policy.byStoreys", path, { found: describe(value) })]);
  if (typeof value !== "string") return bad();
  const out: { storeys: number; amount: Money }[] = [];
  for (const pair of value
    .normalize("NFKC")
    .split(/[,;、\s]+/)
    .filter((s) => s !== "")) {
    const m = /^(\d+)(?:层|f|F)?:(\d+(?:\.\d+)?)$/.exec(pair);
    if (m === null) return bad();
    const storeys = Number(m[1]);
    if (storeys < 2 || storeys > 200 || out.some((x) => x.storeys === storeys)) return bad();
    out.push({ storeys, amount: roundFen(m[2]) });
  }
  if (out.length === 0) return bad();
  return ok(out.sort((a, b) => a.storeys - b.storeys));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A policy being built: its nested parameter groups are copies. */
interface Draft extends Mutable<Omit<Policy, "tierRates" | "reliefRates" | "elevator">> {
  tierRates: Record<Tier, Ratio>;
  reliefRates: Record<ReliefKey, Ratio>;
  elevator: Mutable<ElevatorPolicy>;
}

/** Sets one key to a (non-blank) value, or returns the errors. `value === null`: the key's "none". */
function apply(p: Draft, key: ParameterKey, value: unknown, path: Path): EngineError[] {
  const set = <T>(res: Result<T>, f: (v: T) => void): EngineError[] => {
    if (!res.ok) return res.errors;
    f(res.value);
    return [];
  };
  const e = p.elevator;
  switch (key) {
    case "tier.basic.rate":
    case "tier.improvement.rate":
    case "tier.enhancement.rate": {
      const tier = key.split(".")[1] as Tier;
      return set(readRate(value, path), (v) => (p.tierRates[tier] = v));
    }
    case "cap.perSqm":
      // §7: blank = no cap.
      if (value === null) return set(ok(null), (v) => (p.capPerSqm = v));
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
      return set(readAmount(value, path), (v) => (p.grantHardshipWorker = roundFen(v)));
    case "approval.merge3.max":
      return set(readAmount(value, path), (v) => (p.merge3Max = v));
    case "approval.merge2.max":
      return set(readAmount(value, path), (v) => (p.merge2Max = v));
    case "elevator.subsidy.mode":
      return set(readChoice(value, path, MODE_ALIASES), (v) => (e.subsidyMode = v));
    case "elevator.subsidy.amount":
      return set(readAmount(value, path), (v) => (e.subsidyAmount = roundFen(v)));
    case "elevator.subsidy.rate":
      return set(readRate(value, path), (v) => (e.subsidyRate = v));
    case "elevator.subsidy.cap":
      if (value === null) return set(ok(null), (v) => (e.subsidyCap = v));
      return set(readAmount(value, path), (v) => (e.subsidyCap = roundFen(v)));
    case "elevator.subsidy.byStoreys":
      if (value === null) return set(ok([]), (v) => (e.subsidyByStoreys = v));
      return set(readByStoreys(value, path), (v) => (e.subsidyByStoreys = v));
    case "elevator.subsidy.minStoreys":
      if (value === null) return set(ok(null), (v) => (e.minStoreys = v));
      return set(readStoreys(value, path), (v) => (e.minStoreys = v));
    case "elevator.floorCoefficients":
      return set(readCoefficients(value, path), (v) => (e.floorCoefficients = v));
    case "elevator.weight":
      return set(readChoice(value, path, WEIGHT_ALIASES), (v) => (e.weight = v));
    case "elevator.relief": {
      const b = readYesNo(value, path);
      return set(b.ok && b.value === undefined ? fail([engineError("type.yesno", path, { found: describe(value) })]) : b, (v) => (e.relief = v === true));
    }
  }
}

/** One key / value row with where each part is (a cell, a range row, a JSON member). */
export interface PolicyRow {
  readonly key: unknown;
  readonly value: unknown;
  readonly keyPath: Path;
  readonly valuePath: Path;
}

/** A cell's key as text: trimmed, full-width folded; "" when blank. */
function keyText(key: unknown): string {
  if (isBlankValue(key)) return "";
  return String(key).normalize("NFKC").trim();
}

/**
 * Builds a policy from key / value rows (see the module comment for the rules). Every problem of every
 * row is reported.
 * @example readPolicyRows([{ key: "base", value: "yueqing-2023", keyPath: ["policy", 0], valuePath: ["policy", 0] }]) // ok: yueqing-2023
 */
export function readPolicyRows(rows: readonly PolicyRow[]): Result<Policy> {
  // The base first (wherever its row is), so that every other row is read against it, in row order.
  let base: BuiltInPolicyId = "default";
  const baseRow = rows.find((r) => keyText(r.key) === "base");
  const baseError = baseRow === undefined || isBlankValue(baseRow.value) ? undefined : readBase(baseRow.value, baseRow.valuePath, (id) => (base = id));
  const src = BUILT_IN_POLICIES[base];
  const p: Draft = {
    ...src,
    overridden: [],
    tierRates: { ...src.tierRates },
    reliefRates: { ...src.reliefRates },
    reliefTiers: [...src.reliefTiers],
    elevator: { ...src.elevator },
  };
  const errors: EngineError[] = [];
  const seen = new Map<string, Path>();
  const changed: ParameterKey[] = [];
  for (const row of rows) {
    const key = keyText(row.key);
    if (key === "") {
      if (!isBlankValue(row.value)) errors.push(engineError("policy.keyBlank", row.keyPath));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(engineErrorAt("policy.duplicateKey", row.keyPath, { key }, { first }));
      continue;
    }
    seen.set(key, row.keyPath);
    if (key === "base") {
      if (baseError !== undefined) errors.push(baseError);
      continue;
    }
    if (!isParameterKey(key)) {
      errors.push(engineError("policy.unknownKey", row.keyPath, { found: key, accepted: ["base", ...PARAMETER_KEYS] }));
      continue;
    }
    if (isBlankValue(row.value)) {
      // A blank keeps the base's value, except where blank means none (§7: cap.perSqm blank = no cap).
      if (!BLANK_MEANS_NONE.has(key)) continue;
      errors.push(...apply(p, key, null, row.valuePath));
    } else {
      errors.push(...apply(p, key, typeof row.value === "string" ? row.value.trim() : row.value, row.valuePath));
    }
    changed.push(key);
  }
  if (errors.length > 0) return fail(errors);
  // Rows equal to the base's value are not changes (an untouched template stays `default`).
  const mine = policyParameters(p as Policy);
  const theirs = policyParameters(src);
  const overridden = changed.filter((k) => mine[k] !== theirs[k]);
  return ok({ ...p, id: overridden.length > 0 ? "custom" : base, base, overridden } as Policy);
}

/** A `base` value: a built-in id (set through `use`), or the error naming what was found. */
function readBase(value: unknown, path: Path, use: (id: BuiltInPolicyId) => void): EngineError | undefined {
  const id = typeof value === "string" ? value.normalize("NFKC").trim() : undefined;
  if (id !== undefined && isBuiltInPolicyId(id)) {
    use(id);
    return undefined;
  }
  const found = typeof value === "string" ? value.trim() : describe(value); // the message quotes it
  return engineError("policy.unknownId", path, { found, accepted: BUILT_IN_POLICY_IDS });
}

/**
 * Resolves the `policy` member of a JSON input: omitted → `default`; a text → a built-in id;
 * an object → `{ base, ...keys }` read by `readPolicyRows`.
 * @example resolvePolicy("yueqing-2023").ok // true
 */
export function resolvePolicy(spec: unknown, path: Path = ["policy"]): Result<Policy> {
  if (spec === undefined || spec === null) return ok(DEFAULT);
  if (typeof spec === "string") return readPolicyRows([{ key: "base", value: spec === "" ? "default" : spec, keyPath: path, valuePath: path }]);
  if (typeof spec !== "object" || Array.isArray(spec) || Decimal.isDecimal(spec)) {
    return fail([engineError("type.object", path, { found: describe(spec) })]);
  }
  const rows = Object.entries(spec as Record<string, unknown>).map(([key, value]) => ({ key, value, keyPath: [...path, key], valuePath: [...path, key] }));
  return readPolicyRows(rows);
}

const plainNumber = (x: Decimal): number => x.toNumber();

/** Parameter values as plain JSON (rates and amounts as numbers, "none" as null, lists as text). */
export function policyParameters(p: Policy): Record<ParameterKey, number | string | null> {
  const e = p.elevator;
  return {
    "tier.basic.rate": plainNumber(p.tierRates.basic),
    "tier.improvement.rate": plainNumber(p.tierRates.improvement),
    "tier.enhancement.rate": plainNumber(p.tierRates.enhancement),
    "cap.perSqm": p.capPerSqm === null ? null : plainNumber(p.capPerSqm),
    "relief.tiers": p.reliefTiers.join(","),
    "relief.specially-supported": plainNumber(p.reliefRates["specially-supported"]),
    "relief.low-income": plainNumber(p.reliefRates["low-income"]),
    "relief.family-planning-hardship": plainNumber(p.reliefRates["family-planning-hardship"]),
    "relief.poor-disabled": plainNumber(p.reliefRates["poor-disabled"]),
    "grant.hardship-worker": plainNumber(p.grantHardshipWorker),
    "approval.merge3.max": plainNumber(p.merge3Max),
    "approval.merge2.max": plainNumber(p.merge2Max),
    "elevator.subsidy.mode": e.subsidyMode,
    "elevator.subsidy.amount": plainNumber(e.subsidyAmount),
    "elevator.subsidy.rate": plainNumber(e.subsidyRate),
    "elevator.subsidy.cap": e.subsidyCap === null ? null : plainNumber(e.subsidyCap),
    "elevator.subsidy.byStoreys": e.subsidyByStoreys.length === 0 ? null : e.subsidyByStoreys.map((x) => `${x.storeys}:${x.amount.toFixed()}`).join(","),
    "elevator.subsidy.minStoreys": e.minStoreys,
    "elevator.floorCoefficients": e.floorCoefficients.map((x) => x.toFixed()).join(","),
    "elevator.weight": e.weight,
    "elevator.relief": e.relief ? 1 : 0,
  };
}
