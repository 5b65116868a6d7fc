/**
 * A whole run on one workbook: load, read the input sheets, calculate, add the output sheets.
 * Nothing is written to disk here; the command line writes the bytes atomically.
 */
import type ExcelJS from "exceljs";
import { Bilingual } from "../engine";
import { ReadOutcome, RunMeta, WorkbookError, buildOutputSheets, buildTemplate, readInputs, WorkbookRead, TemplateOptions } from "../workbook";
import { mergeResultSheets, notCarriedParts } from "./merge";
const loadExcelJs = (): typeof ExcelJS => require("exceljs") as typeof ExcelJS;
import { XlsxBook, inputGrids, loadWorkbook } from "./read";
import { applyValidations, writeSheet } from "./write";

/** A workbook read and calculated, or every problem found in it. */
export type BookOutcome =
  { readonly ok: true; readonly workbook: XlsxBook; readonly read: WorkbookRead } | { readonly ok: false; readonly errors: readonly WorkbookError[] };

/**
 * Loads a workbook from bytes and calculates it. Throws WorkbookFileError for a file that is not a
 * readable workbook (what it is, and what to do); input problems (missing sheets included) come back as errors.
 */
export async function calculateBook(file: string, bytes: Uint8Array): Promise<BookOutcome> {
  const wb = await loadWorkbook(file, bytes);
  const { grids, errors } = inputGrids(wb);
  if (errors.length > 0) return { ok: false, errors };
  const read: ReadOutcome = readInputs(grids);
  if (!read.ok) return { ok: false, errors: read.errors };
  return { ok: true, workbook: wb, read };
}

/** The result workbook and what of the input could not be carried over into it. */
export interface ResultBook {
  readonly bytes: Uint8Array;
  readonly notCarried: readonly Bilingual[];
}

/**
 * The result workbook: the input file's package with 测算结果, 资金汇总 and 计算说明 added (or replacing
 * sheets of those names). Every other part of the input is carried over byte for byte; what could not be
 * (the objects of a replaced output sheet, macros) is listed in `notCarried` and in 计算说明.
 */
export async function resultBook(book: XlsxBook, read: WorkbookRead, meta: RunMeta): Promise<ResultBook> {
  const sheets = buildOutputSheets(read, { ...meta, notCarried: undefined });
  const notCarried = notCarriedParts(
    book,
    sheets.map((s) => s.name),
  );
  const final = notCarried.length === 0 ? sheets : buildOutputSheets(read, { ...meta, notCarried: notCarried.map((x) => x.zh) });
  return { bytes: await mergeResultSheets(book, final), notCarried };
}

/** The result workbook's bytes (see resultBook). */
export async function resultBookBytes(book: XlsxBook, read: WorkbookRead, meta: RunMeta): Promise<Uint8Array> {
  return (await resultBook(book, read, meta)).bytes;
}

/** A new standard workbook (empty, or with the bundled example). */
export function templateBook(options: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new (loadExcelJs().Workbook)();
  wb.creator = "reno-funding";
  const t = buildTemplate(options);
  for (const s of t.sheets) writeSheet(wb, s);
  applyValidations(wb, t.validations);
  return wb;
}
