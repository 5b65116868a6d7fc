/**
 * A whole run on one workbook: load, read the input sheets, calculate, add the output sheets.
 * Nothing is written to disk here; the command line writes the bytes atomically.
 */
import ExcelJS from "exceljs";
import { ReadOutcome, RunMeta, WorkbookError, buildOutputSheets, buildTemplate, readInputs, WorkbookRead, TemplateOptions } from "../workbook";
import { inputGrids, loadWorkbook } from "./read";
import { applyValidations, workbookBytes, writeSheet } from "./write";

/** A workbook read and calculated, or every problem found in it. */
export type BookOutcome =
  { readonly ok: true; readonly workbook: ExcelJS.Workbook; readonly read: WorkbookRead } | { readonly ok: false; readonly errors: readonly WorkbookError[] };

/**
 * Loads a workbook from bytes and calculates it. Throws WorkbookFileError for a file that is not a
 * workbook or is password-protected; input problems (missing sheets included) come back as errors.
 */
export async function calculateBook(file: string, bytes: Uint8Array): Promise<BookOutcome> {
  const wb = await loadWorkbook(file, bytes);
  const { grids, errors } = inputGrids(wb);
  if (errors.length > 0) return { ok: false, errors };
  const read: ReadOutcome = readInputs(grids);
  if (!read.ok) return { ok: false, errors: read.errors };
  return { ok: true, workbook: wb, read };
}

/** Adds (or replaces) 测算结果, 资金汇总 and 计算说明 and returns the workbook's bytes; input sheets untouched. */
export async function resultBookBytes(wb: ExcelJS.Workbook, read: WorkbookRead, meta: RunMeta): Promise<Uint8Array> {
  for (const sheet of buildOutputSheets(read, meta)) writeSheet(wb, sheet);
  return workbookBytes(wb);
}

/** A new standard workbook (empty, or with the bundled example). */
export function templateBook(options: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "reno-funding";
  const t = buildTemplate(options);
  for (const s of t.sheets) writeSheet(wb, s);
  applyValidations(wb, t.validations);
  return wb;
}
