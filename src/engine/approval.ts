/**
 * Approval path by total investment (funding-rules.md §6; 000 §四(四)). "以下" includes the number itself.
 * The engine keeps the kind; edges render its text from `APPROVAL_PATH_TEXTS` (zh / en / short).
 */
import Decimal from "decimal.js";
import { Policy } from "./policy";

export type ApprovalPathKind = "merge3" | "merge2" | "separate";
export const APPROVAL_PATH_KINDS: readonly ApprovalPathKind[] = ["merge3", "merge2", "separate"];

/** The words of each kind: the full sentence in both languages, and a short name for tables. */
export const APPROVAL_PATH_TEXTS: Readonly<Record<ApprovalPathKind, { readonly zh: string; readonly en: string; readonly short: string }>> = {
  merge3: {
    zh: "三合一：项目建议书、可行性研究报告、初步设计合并编制审批",
    en: "3-in-1: proposal, feasibility study and preliminary design filed together",
    short: "三合一",
  },
  merge2: {
    zh: "二合一：项目建议书、可行性研究报告合并编制审批",
    en: "2-in-1: proposal and feasibility study filed together",
    short: "二合一",
  },
  separate: {
    zh: "分别编制审批项目建议书、可行性研究报告和初步设计",
    en: "separate filings of proposal, feasibility study and preliminary design",
    short: "分别审批",
  },
};

/**
 * Which documents may be merged. total: 元, ≥ 0.
 * @example approvalPathKind(new Dec(10_000_000), BUILT_IN_POLICIES.default) // "merge3"
 */
export function approvalPathKind(total: Decimal, policy: Policy): ApprovalPathKind {
  if (total.lessThanOrEqualTo(policy.merge3Max)) return "merge3";
  if (total.lessThanOrEqualTo(policy.merge2Max)) return "merge2";
  return "separate";
}
