/**
 * The .xlsx adapter of the standard workbook: reads files of any program into src/workbook's grids (own
 * zip/OPC/XML reader) and writes results (exceljs for our own sheets, merged into the user's package).
 * Node only (the task pane has its own Office.js adapter over the same src/workbook).
 */
export * from "./cells";
export * from "./read";
export * from "./write";
export * from "./book";
export { notCarriedParts, mergeResultSheets } from "./merge";
export { OpcPackage, WorkbookFileError, openWorkbookPackage, resolveTarget, relsPartOf } from "./package";
export { ZIP_LIMITS, ZipArchive, writeZip, crc32 } from "./zip";
