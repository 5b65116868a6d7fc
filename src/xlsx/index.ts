/**
 * The exceljs adapter of the standard workbook: reads files into src/workbook's grids and writes its
 * SheetData. Node only (the task pane has its own Office.js adapter over the same src/workbook).
 */
export * from "./cells";
export * from "./read";
export * from "./write";
export * from "./book";
