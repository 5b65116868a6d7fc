/**
 * Approval path by total investment (funding-rules.md §6; 000 §四(四)). "以下" includes the number itself.
 */
import Decimal from "decimal.js";
import { Policy } from "./policy";

export const APPROVAL_PATHS = {
  merge3: "三合一：项目建议书、可行性研究报告、初步设计合并编制审批",
  merge2: "二合一：项目建议书、可行性研究报告合并编制审批",
  separate: "分别编制审批项目建议书、可行性研究报告和初步设计",
} as const;

export type ApprovalPathKind = keyof typeof APPROVAL_PATHS;

/** Which documents may be merged. total: 元, ≥ 0. */
export function approvalPathKind(total: Decimal, policy: Policy): ApprovalPathKind {
  if (total.lessThanOrEqualTo(policy.merge3Max)) return "merge3";
  if (total.lessThanOrEqualTo(policy.merge2Max)) return "merge2";
  return "separate";
}

/**
 * The approval-path text.
 * @example approvalPath(new Dec(10_000_000), BUILT_IN_POLICIES.default) // "三合一：…"
 */
export function approvalPath(total: Decimal, policy: Policy): string {
  return APPROVAL_PATHS[approvalPathKind(total, policy)];
}
