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
 *   `{ ok: true, stage, input, result, other?, refs, counts, householdRows }` or
 *   `{ ok: false, errors: WorkbookError[] }` with every problem:
 *   `{ ref: "住户!C12", sheet, row, col, address: "C12", code, zh, en, found }` (`row` 0 when the problem is a
 *   missing sheet or column). `input` is the engine JSON (same shape as the CLI's); `result` the
 *   engine's CalcResult; `other` the other stage (项目 funding only) when both 概算 and 决算 costs are filled.
 *   Rules: headers by text / key / alias in any order (full-width, case, spaces and a trailing `（单位）`
 *   ignored); extra columns ignored; blank rows skipped; plain numeric text (`1,200.50`, ≤ 15 significant
 *   digits) is taken as the number, other text in number cells is an error naming the cell; 决算 when any of
 *   its cost cells is filled, else 概算 (blank 决算 name / area / social capital / elevator cells fall back
 *   to 概算; cost cells never do); policy rows: blank value = keep the base's value, except `cap.perSqm`
 *   (blank = no cap); rows equal to the base's value are not changes (the policy stays `default`).
 * - `missingSheetError(sheet, foundSheets)`, `formatWorkbookError(e, lang)`.
 *
 * ## Output sheets (sheets.ts, programme.ts) — each returns `SheetData`
 *   `{ name, values, numberFormats, columnWidths?, table?: TableSpec, freezeRows?, boldRows?, charts?: ChartSpec[] }`
 * - `buildResultSheet(result)` — 测算结果 / ResultTable, total row (values, not formulas) equal to the
 *   project figures to the fen.
 * - `buildSummarySheet(result, stage, other?)` — 资金汇总 with 概算 / 决算 / 差额 columns when `other` is
 *   given, and `charts` (funding mix, collection) whose `dataRange` lies in the sheet: draw them in Excel.
 * - `buildAuditSheet(result, { time, version, stage, rowCounts, source? })` — 计算说明.
 * - `buildPublicitySheet(result, { start, end?, publisher? })` → `{ ok: true, sheet } | { ok: false, zh, en }`
 *   — 公示 (no names or statuses); fails under 7 working days (000 §三(三)). `publicityEndDate`, `countWorkingDays`.
 * - `buildOutputSheets(read, meta)` — the three sheets of a run, in workbook order.
 * - `buildProgrammeSheet(entries)` — 项目汇总 of a batch (fully collected projects first, 000 §五(三)).
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
