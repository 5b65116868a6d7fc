/** Messages the task pane shows after an action (labels stay in src/taskpane/i18n.ts). */
import { text } from "./define";

export const PANE_MESSAGES = {
  "pane.noOffice": text(
    () => "未能加载 Office.js。请在 Excel 中通过“加载项”打开本任务窗格（需要能访问 appsforoffice.microsoft.com）。",
    () => "Office.js did not load. Open this task pane from Excel's Add-ins (appsforoffice.microsoft.com must be reachable).",
  ),
  "pane.notExcel": text<{ host: string | null }>(
    (p) => (p.host === null ? "Excel 尚未就绪：请在 Excel 中打开本加载项，稍候再试。" : `本加载项只能在 Excel 中使用（当前为 ${p.host}）。`),
    (p) => (p.host === null ? "Excel is not ready: open this add-in in Excel and try again." : `This add-in works in Excel only (this is ${p.host}).`),
  ),
  "pane.created": text<{ sheets: readonly string[] }>(
    (p) => `已新建工作表：${p.sheets.join("、")}。请在“项目信息”和“住户”中填写数据。`,
    (p) => `Created the sheets ${p.sheets.join(", ")}. Fill in 项目信息 and 住户.`,
  ),
  "pane.taken": text<{ names: readonly string[] }>(
    (p) => `未新建：工作簿中已有 ${p.names.join("、")}。为保护已有数据，不会覆盖；如需重建，请先自行重命名或删除这些工作表。`,
    (p) =>
      `Nothing created: the workbook already has ${p.names.join(", ")}. Existing data is never overwritten; rename or delete those sheets first to start again.`,
  ),
  "pane.done": text<{ sheets: readonly string[] }>(
    (p) => `已写入：${p.sheets.join("、")}。`,
    (p) => `Written: ${p.sheets.join(", ")}.`,
  ),
  "pane.checkedOk": text(
    () => "检查通过：未发现输入问题。",
    () => "Check passed: no input problems.",
  ),
  "pane.invalid": text<{ count: number }>(
    (p) => `发现 ${p.count} 个输入问题，未写入任何内容。点击问题可定位到单元格。`,
    (p) => `${p.count} input problem(s) found; nothing was written. Click a problem to go to its cell.`,
  ),
  "pane.badDate": text(
    () => "请填写有效的日期。",
    () => "Enter a valid date.",
  ),
  "pane.excelError": text<{ code: string; message: string }>(
    (p) => `Excel 操作失败（${p.code}）：${p.message}。之前的结果表保持不变。`,
    (p) => `Excel failed (${p.code}): ${p.message}. The previous result sheets are unchanged.`,
  ),
  "pane.cellEditMode": text(
    () => "Excel 正处于单元格编辑状态：请按 Enter 或 Esc 结束编辑后重试。",
    () => "Excel is editing a cell: press Enter or Esc, then try again.",
  ),
  "pane.unexpected": text<{ message: string }>(
    (p) => `发生意外错误：${p.message}`,
    (p) => `Unexpected error: ${p.message}`,
  ),
} as const;
