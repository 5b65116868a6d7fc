/**
 * Which column of 项目信息 a run computes, and why (workbook-layout.md: the 决算 column when any of its
 * cost cells is filled, else 概算) — in words for messages and for the stage lines of 资金汇总 / 计算说明.
 */
import { Bilingual, message } from "../../engine";
import { Stage } from "../layout";

export interface StageBasis {
  readonly stage: Stage;
  /** The filled 决算 cost cells (`项目信息!D6`); empty for 概算. */
  readonly settlementCells: readonly string[];
  /** False when 项目信息 has no 决算 column at all. */
  readonly settlementColumn: boolean;
}

/**
 * The stage and its reason: `按决算列测算：项目信息!D6 已填写` / `computing the 决算 column: 项目信息!D6 is filled`.
 */
export function stageReason(basis: StageBasis): Bilingual {
  if (basis.stage === "settlement") return message("stage.settlement", { cells: basis.settlementCells });
  return basis.settlementColumn ? message("stage.noSettlementCost") : message("stage.noSettlementColumn");
}
