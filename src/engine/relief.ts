/**
 * Hardship statuses and the relief rate (funding-rules.md §4.3–4.4; 003 附件3 二).
 */
import { Ratio, ZERO, asRatio } from "./money";
import { Path, Result, engineError, fail, ok } from "./errors";
import { Policy, ReliefKey } from "./policy";

export type StatusKey = ReliefKey | "hardship-worker";

/** Accepted labels → status key (§4.3 table and §4.4). The English keys are accepted too. */
export const STATUS_LABELS: ReadonlyMap<string, StatusKey> = new Map<string, StatusKey>([
  ["特困供养人员", "specially-supported"],
  ["特困人员", "specially-supported"],
  ["特困", "specially-supported"],
  ["低保户", "low-income"],
  ["低保", "low-income"],
  ["困难计生户", "family-planning-hardship"],
  ["困难计生家庭", "family-planning-hardship"],
  ["贫困残疾人户", "poor-disabled"],
  ["贫困残疾人家庭", "poor-disabled"],
  ["生活困难职工", "hardship-worker"],
  ["specially-supported", "specially-supported"],
  ["low-income", "low-income"],
  ["family-planning-hardship", "family-planning-hardship"],
  ["poor-disabled", "poor-disabled"],
  ["hardship-worker", "hardship-worker"],
]);

/** The Chinese labels, for error messages and data validation lists. */
export const ACCEPTED_STATUS_LABELS: readonly string[] = [...STATUS_LABELS.keys()].filter((k) => /[\u0080-\uffff]/.test(k));

/** §4.3: several statuses in one cell, separated by 、 , ， ; ； / or spaces. */
const SEPARATORS = /[、,，;；/\s\u3000]+/;

/**
 * Parses a status cell into its keys (deduplicated, in order). Blank → [].
 * An unknown label is an error naming it and listing the accepted labels.
 * @example parseStatuses("低保户、特困供养人员", []) // ok: ["low-income", "specially-supported"]
 */
export function parseStatuses(text: string | undefined, path: Path): Result<StatusKey[]> {
  if (text === undefined) return ok([]);
  const keys: StatusKey[] = [];
  for (const label of text.split(SEPARATORS)) {
    if (label === "") continue;
    // A Map, not an object lookup: `constructor` or `toString` must never be a status.
    const key = STATUS_LABELS.get(label);
    if (key === undefined) return fail([engineError("status.unknown", path, { found: label, accepted: ACCEPTED_STATUS_LABELS })]);
    if (!keys.includes(key)) keys.push(key);
  }
  return ok(keys);
}

/** §4.3: overlapping statuses take the highest rate (就高不就低); no relief status → 0. */
export function reliefRate(statuses: readonly StatusKey[], policy: Policy): Ratio {
  let rate = asRatio(ZERO);
  for (const s of statuses) {
    if (s === "hardship-worker") continue;
    const r = policy.reliefRates[s];
    if (r.greaterThan(rate)) rate = r;
  }
  return rate;
}

export function isHardshipWorker(statuses: readonly StatusKey[]): boolean {
  return statuses.includes("hardship-worker");
}
