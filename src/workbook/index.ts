/**
 * # src/workbook — the standard workbook (workbook-layout.md), shared by the task pane and the command line
 *
 * Pure TypeScript: no exceljs, no Office.js, no Node APIs. Each adapter describes a sheet and reads the
 * cells `input-table.ts` tells it to into plain `SheetGrid`s, calls `readInputs`, and writes the
 * `SheetData` the builders return. Rows and columns are 1-based Excel numbers everywhere.
 *
 * - `layout.ts` — sheet, table and column names, number formats: the one place that knows the layout.
 * - `input-table.ts` — which cells are an input table (both adapters follow it).
 * - `read/` — one module per input sheet, plus cells, columns, errors and the stage; `readInputs`.
 * - `sheets/` — one builder per output sheet, plus number texts and the 公示 calendar.
 * - `outputs.ts`, `programme.ts`, `template.ts` — the sheets of a run, of a batch, of a new workbook.
 *
 * docs/development.md describes the rules in full.
 */
export * from "./grid";
export * from "./layout";
export * from "./input-table";
export * from "./read";
export * from "./sheets";
export * from "./programme";
export * from "./template";
export * from "./outputs";
export { sha256Hex } from "./sha256";
export { EXAMPLE_INPUT } from "./example";
export type { ExampleInput } from "./example";
