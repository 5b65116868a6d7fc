/**
 * Messages of the standard workbook layout (workbook-layout.md): sheets, columns and rows that are
 * missing or doubled, and the stage a run computes. Cell values are judged by INPUT_MESSAGES.
 */
import { text } from "./define";

export const WORKBOOK_MESSAGES = {
  "sheet.missing": text<{ sheet: string; found: readonly string[] }>(
    (p) =>
      `缺少工作表“${p.sheet}”（现有：${p.found.length > 0 ? p.found.join("、") : "（无）"}）；可在任务窗格点“新建测算工作簿”，或用命令 reno template 生成标准工作簿`,
    (p) =>
      `sheet "${p.sheet}" is missing (found: ${p.found.length > 0 ? p.found.join(", ") : "none"}); the task pane's "New workbook" or the command reno template makes a standard workbook`,
  ),
  "column.missing": text<{ sheet: string; header: string; row: number; accepted: readonly string[] }>(
    (p) => `工作表“${p.sheet}”缺少列“${p.header}”（第 ${p.row} 行表头；可用列名：${p.accepted.join(" / ")}）`,
    (p) => `sheet "${p.sheet}" lacks the column "${p.header}" (header row ${p.row}; accepted: ${p.accepted.join(" / ")})`,
  ),
  "column.keyOrLabel": text<{ sheet: string; row: number; labels: readonly string[] }>(
    (p) => `工作表“${p.sheet}”缺少列“字段”（字段名，如 area）或“项目”（如 ${p.labels.join("、")}）——至少需要其中一列来识别各行（第 ${p.row} 行表头）`,
    (p) =>
      `sheet "${p.sheet}" lacks both the column "字段" (key, e.g. area) and the column "项目" (label, e.g. 改造建筑面积); one of them identifies the rows (header row ${p.row})`,
  ),
  "column.duplicate": text<{ header: string; key: string; first: string; second: string }>(
    (p) => `列“${p.header}”出现两次（${p.first} 与 ${p.second}），请删除或改名其中一列`,
    (p) => `column "${p.header}" (${p.key}) appears twice (${p.first} and ${p.second}); remove or rename one`,
  ),
  "column.unit": text<{ found: string }>(
    (p) => `“${p.found}”以万元为单位；金额请以元填写，并去掉“万元”`,
    (p) => `"${p.found}" states amounts in 万元 (ten thousands); enter amounts in 元 and drop the 万元 unit`,
  ),
  "row.missing": text<{ sheet: string; label: string; key: string }>(
    (p) => `工作表“${p.sheet}”缺少“${p.label}”一行（字段列填 ${p.key}，或项目列填“${p.label}”）`,
    (p) => `sheet "${p.sheet}" lacks the row "${p.label}" (字段 ${p.key}, or 项目 "${p.label}")`,
  ),
  "row.totalNotLast": text<{ next: string }>(
    (p) => `合计行应在住户表末尾：其下还有住户（${p.next}）；请把合计行移到最后一户之后，或删除它`,
    (p) => `a total row must come after the last household (a household follows at ${p.next}); move it below the last household or delete it`,
  ),
  "field.duplicate": text<{ field: string; first: string }>(
    (p) => `字段“${p.field}”重复（已在 ${p.first}）`,
    (p) => `field "${p.field}" is given twice (also at ${p.first})`,
  ),
  "field.unknownRow": text<{ found: string; keys: readonly string[]; labels: readonly string[] }>(
    (p) => `未知字段“${p.found}”，可用：${p.keys.join(", ")}（或项目名称：${p.labels.join("、")}）`,
    (p) => `unknown field "${p.found}"; accepted: ${p.keys.join(", ")} (or the labels ${p.labels.join(", ")})`,
  ),
  "formula.noResult": text<{ formula: string }>(
    (p) => `公式没有计算结果，请在 Excel 中重新计算并保存（公式 =${p.formula}）`,
    (p) => `the formula has no calculated value; recalculate and save in Excel (formula =${p.formula})`,
  ),
  "stage.settlement": text<{ cells: readonly string[] }>(
    (p) => `按决算列测算：${p.cells.join("、")} 已填写`,
    (p) => `computing the 决算 column: ${p.cells.join(", ")} ${p.cells.length > 1 ? "are" : "is"} filled`,
  ),
  "stage.noSettlementColumn": text(
    () => "按概算列测算：项目信息表没有决算列",
    () => "computing the 概算 column: 项目信息 has no 决算 column",
  ),
  "stage.noSettlementCost": text(
    () => "按概算列测算：决算列未填写费用",
    () => "computing the 概算 column: no 决算 cost is filled",
  ),
  "stage.comparison": text<{ stage: string; other: string }>(
    (p) => `${p.stage}列（与${p.other}对照）`,
    (p) => `the ${p.stage} column, computed for comparison`,
  ),
  "stage.fellBack": text(
    () => "本项决算为空，沿用概算值",
    () => "this row's 决算 cell is blank, so its 概算 value is used",
  ),
  "publicity.tooShort": text<{ start: string; end: string; days: number }>(
    (p) => `公示期 ${p.start} 至 ${p.end} 只有 ${p.days} 个工作日，应不少于 7 个工作日 — 乐政办发〔2023〕47号 第三条（三）`,
    (p) => `the publicity period ${p.start} to ${p.end} has ${p.days} working days; at least 7 are required (乐政办发〔2023〕47号 art. 3(3))`,
  ),
} as const;
