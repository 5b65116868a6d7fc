/**
 * # src/workbook — the standard workbook layout, shared by the task pane and the command line
 *
 * Pure TypeScript: no exceljs, no Office.js, no Node APIs. Each adapter reads cells into plain
 * `SheetGrid`s, calls `readInputs`, and writes the `SheetData` the builders return. One module knows
 * the layout (workbook-layout.md); nothing here writes anything.
 *
 * ## Conventions
 * - `CellValue = string | number | boolean | null | Date` — formulas as their result, Excel errors as text.
 * - Rows and columns are **1-based Excel numbers** everywhere (`SheetGrid.top/left`, `CellRef.row/col`,
 *   `TableSpec.top/left`, `SheetData.boldRows`). `SheetData.values[r][c]` is cell (r + 1, c + 1): every
 *   output sheet starts at A1.
 * - Money cells are numbers in 元 with two decimals converted from the engine's exact values; number
 *   formats are Excel codes (`#,##0.00`, `0%`, `0.00%`, `General`, `@`), usable as Office.js `numberFormat`.
 *
 * ## Reading (layout.ts, read.ts, locate.ts)
 * - `SHEETS`, `TABLES`, `HOUSEHOLD_COLUMNS` / `POLICY_COLUMNS` / `PROJECT_COLUMNS` (`ColumnSpec`: header,
 *   key, aliases, required, kind, format, width), `PROJECT_FIELDS`, `RESULT_HEADERS`, `FORMATS`.
 * - `locateTable(sheet, kind, usedRangeValues, top?, left?) → SheetGrid` — for a sheet without an Excel
 *   table: finds the header row (first of the top 20 rows holding every required header). With a table,
 *   pass the table's range (header row included) as the grid directly.
 * - `readPolicyGrid(grid?) → { ok: true, policy } | { ok: false, errors }`: the 政策参数 sheet alone (the
 *   task pane shows the parameters in force before a run); no sheet = `default`.
 * - `readInputs({ policy?, project?, households? }) → ReadOutcome`:
 *   `{ ok: true, stage, input, result, other?, refs, counts, householdRows, skippedRows, stageBasis }` or
 *   `{ ok: false, errors: WorkbookError[] }` with every problem (ordered 政策参数, 项目信息, 住户):
 *   `{ ref: "住户!C12", sheet, row, col, address: "C12", code, zh, en, found }` (`row` 0 when the problem is a
 *   missing sheet or column). `input` is the engine JSON (same shape as the CLI's); `result` the
 *   engine's CalcResult; `other` the other stage (项目 funding only) when both 概算 and 决算 costs are filled.
 *   Rules: headers by text / key / alias in any order (full-width, case, spaces and a trailing `（单位）`
 *   ignored — but a `（万元）` unit is refused, `column.unit`: amounts are read in 元); extra columns ignored;
 *   blank rows skipped; plain numeric text (`1,200.50`, ≤ 15 significant digits) is taken as the number,
 *   other text in number cells is an error naming the cell; 决算 when any of its cost cells is filled, else
 *   概算 (blank 决算 name / area / social capital / elevator cells fall back to 概算; cost cells never do);
 *   policy rows: blank value = keep the base's value, except `cap.perSqm` (blank = no cap); rows equal to
 *   the base's value are not changes (the policy stays `default`).
 * - **Total rows** (住户): a row whose 房号 is a total label (`TOTAL_LABELS`: 合计, 总计, 小计, Total, Sum —
 *   after NFKC, case and every space removed, so `合 计`, `合　计`, ` TOTAL ` match; `isTotalLabel`) is a total
 *   row. After the last household (only blank or other total rows below it) it is skipped — its other cells
 *   are not even read — and listed in `skippedRows` (`["住户!A42"]`, shown in 计算说明's run information);
 *   above a household it is an error naming its cell (`row.totalNotLast`: 合计行应在住户表末尾 / a total row
 *   must come after the last household). An Excel table's own totals row is never part of the grid: the
 *   adapters read header row + data body only.
 * - **Formulas without a result**: `SheetGrid.noResult` (A1 address → formula; only exceljs fills it) — any
 *   such cell the reader reads (headers, keys, values of used columns; not ignored columns, not skipped
 *   total rows) is an error `formula.noResult` (公式没有计算结果，请在 Excel 中重新计算并保存 / the formula
 *   has no calculated value; recalculate and save in Excel), never a blank 0 or "missing".
 * - **Stage in messages**: every engine error on 项目信息 ends with the stage computed and why,
 *   `（按决算列测算：项目信息!D6 已填写）` / `(computing the 决算 column: 项目信息!D6 is filled)`, plus
 *   `；本项决算为空，沿用概算值` when the cell is a 概算 fallback; errors of the comparison stage say
 *   `（概算列（与决算对照））`. `stageBasis` / `stageReason(basis, lang)` give the same words to the stage lines
 *   of 资金汇总 and 计算说明.
 * - **项目信息 columns**: only 概算 is required. Rows by 字段 key, or by 项目 label (`基础类费用`, `基础类费用(元)`
 *   …: a trailing bracketed unit ignored); one of the two columns must exist (`column.missing` names both).
 *   No 决算 column = 概算 only. A missing 改造建筑面积 row is `row.missing`, naming the label and key.
 * - `missingSheetError(sheet, foundSheets)`, `formatWorkbookError(e, lang)`.
 *
 * ## Output sheets (sheets.ts, programme.ts) — each returns `SheetData`
 *   `{ name, values, numberFormats, columnWidths?, table?: TableSpec, freezeRows?, boldRows?, charts?: ChartSpec[],
 *   wrap?: A1 cells/ranges whose text wraps, print?: PrintSpec }`. Text cells are never given a number format.
 *   `PrintSpec` (`printSpec(orientation, titleRow?)`): A4, one page wide, height automatic, the header row
 *   repeated — landscape for 测算结果 / 项目汇总 / 问题清单, portrait for 资金汇总 / 计算说明 / 公示. exceljs writes it
 *   into the file; the Office.js port applies it where ExcelApi 1.9 (`worksheet.pageLayout`) exists.
 * - `buildResultSheet(result)` — 测算结果 / ResultTable, total row (values, not formulas) equal to the
 *   project figures to the fen.
 * - `buildSummarySheet(result, stage, other?, basis?)` — 资金汇总 with 概算 / 决算 / 差额 columns when `other` is
 *   given, and `charts` (funding mix, collection) whose `dataRange` lies in the sheet: draw them in Excel.
 *   The 审批路径 text is a General, wrapped cell.
 * - `buildAuditSheet(result, { time, version, stage, rowCounts, source?, stageBasis?, skippedRows? })` — 计算说明.
 * - `buildPublicitySheet(result, { start, end?, publisher? })` → `{ ok: true, sheet } | { ok: false, zh, en }`
 *   — 公示 (no names or statuses); fails under 7 working days (000 §三(三)). `publicityEndDate`, `countWorkingDays`.
 *   Working days are Monday–Friday only (public holidays and 调休 unknown): the sheet says so under the
 *   period (`WORKING_DAYS_NOTE`), and so does the task pane.
 * - `buildOutputSheets(read, meta)` — the three sheets of a run, in workbook order.
 * - `buildProgrammeSheet(entries)` — 项目汇总 of a batch (fully collected projects first, 000 §五(三)): a
 *   未到位金额 money column, 审批路径 short (`approvalPathShort`: 三合一 / 二合一 / 分别审批), 问题 only for
 *   what stopped a workbook.
 *
 * ## Template (template.ts)
 * - `buildTemplate({ example?, validationRows? }) → { sheets: SheetData[], validations: ValidationSpec[] }`:
 *   政策参数 / 项目信息 / 住户 with tables, formats, frozen headers; drop-downs for 参与表决 / 同意 (是/否),
 *   困难类别 (the accepted labels; `information` style so several labels in one cell stay possible) and
 *   the policy `base`.
 */
export * from "./grid";
export * from "./layout";
export * from "./read";
export * from "./locate";
export * from "./sheets";
export * from "./programme";
export * from "./template";
export * from "./outputs";
export { EXAMPLE_INPUT } from "./example";
export type { ExampleInput } from "./example";
