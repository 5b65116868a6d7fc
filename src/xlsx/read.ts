/**
 * Reading a standard workbook file with exceljs into the plain grids of src/workbook, with a clear
 * message for a file that is not a workbook, is password-protected, or lacks a sheet.
 */
import ExcelJS from "exceljs";
import { Bilingual, MessageArgs, MessageCode, message } from "../engine";
import {
  Box,
  INPUT_SHEET_NAMES,
  InputGrids,
  InputKind,
  SheetGrid,
  SheetShape,
  TableShape,
  WorkbookError,
  columnNumber,
  inputGrid,
  inputReadPlan,
  missingSheetError,
} from "../workbook";
import { readRange, valueBox } from "./cells";

/** A file that cannot be opened as a workbook at all (exit 2, one message from the catalogue). */
export class WorkbookFileError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly file: string,
    readonly code: MessageCode,
    text: Bilingual,
  ) {
    super(`${file}: ${text.zh} / ${text.en}`);
    this.name = "WorkbookFileError";
    this.zh = text.zh;
    this.en = text.en;
  }
}

function fileError<C extends MessageCode>(file: string, code: C, ...args: MessageArgs<C>): WorkbookFileError {
  return new WorkbookFileError(file, code, message(code, ...args));
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** UTF-16LE bytes of a name, to spot a stream in a compound file's directory. */
const utf16 = (s: string) => Buffer.from(s, "utf16le");

/**
 * Checks the file's bytes before exceljs sees them: an encrypted (password-protected) .xlsx is an OLE
 * compound file holding `EncryptionInfo`; an old .xls is a compound file too; anything else that is not
 * a zip is not a workbook.
 */
export function checkWorkbookBytes(file: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw fileError(file, "file.empty");
  if (startsWith(bytes, CFB)) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.includes(utf16("EncryptionInfo")) || buf.includes(utf16("EncryptedPackage"))) {
      throw fileError(file, "file.encrypted");
    }
    throw fileError(file, "file.xls");
  }
  if (!startsWith(bytes, ZIP)) throw fileError(file, "file.notXlsx");
}

/** Loads a workbook from bytes, turning exceljs's failures into a clear message. */
export async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(file, bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    throw fileError(file, "file.damaged", { detail: (e as Error).message });
  }
  return wb;
}

interface LoadedTable {
  table: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean; headerRow?: boolean };
}

/** Decodes `A1:J41` → 1-based top, left, rows, cols. */
function decodeRange(ref: string): Box | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(ref.toUpperCase());
  if (m === null) return undefined;
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] === undefined ? top : Number(m[4]);
  const right = m[3] === undefined ? left : columnNumber(m[3]);
  return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** The sheet as `input-table.ts` wants it: its tables (header cells read) and the box of its values. */
export function sheetShape(ws: ExcelJS.Worksheet): SheetShape {
  const tables: TableShape[] = [];
  for (const t of Object.values((ws as unknown as { tables: Record<string, LoadedTable> }).tables ?? {})) {
    const full = decodeRange(t.table.tableRef ?? t.table.ref ?? "");
    if (full === undefined) continue;
    const totalsRow = t.table.totalsRow === true;
    // A totals row (Excel's 汇总行, showTotals) is never part of the box: it is not data.
    const box = { ...full, rows: Math.max(1, full.rows - (totalsRow ? 1 : 0)) };
    tables.push({ name: t.table.name ?? "", box, headerRow: t.table.headerRow !== false, totalsRow, header: readRange(ws, box.top, box.left, 1, box.cols)[0] });
  }
  return { sheet: ws.name, tables, used: valueBox(ws) };
}

/**
 * The input table of a sheet (`input-table.ts`: the one rule shared with the task pane): the chosen
 * rectangle is read, formulas without a result recorded in `noResult`.
 */
export function sheetGrid(ws: ExcelJS.Worksheet, kind: InputKind): SheetGrid {
  const shape = sheetShape(ws);
  const plan = inputReadPlan(kind, shape);
  const noResult = new Map<string, string>();
  const values = plan.kind === "empty" ? [] : readRange(ws, plan.box.top, plan.box.left, plan.box.rows, plan.box.cols, noResult);
  const grid = inputGrid(kind, ws.name, plan, values);
  return noResult.size > 0 ? { ...grid, noResult } : grid;
}

/** Finds a worksheet by name, ignoring surrounding spaces and full-width/half-width differences. */
function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const want = name.normalize("NFKC").trim();
  return wb.worksheets.find((w) => w.name.normalize("NFKC").trim() === want);
}

/** The input grids of a workbook, and an error for each missing required sheet (项目信息, 住户). */
export function inputGrids(wb: ExcelJS.Workbook): { grids: InputGrids; errors: WorkbookError[] } {
  const names = wb.worksheets.map((w) => w.name);
  const errors: WorkbookError[] = [];
  const grid = (kind: InputKind, required: boolean): SheetGrid | undefined => {
    const ws = findSheet(wb, INPUT_SHEET_NAMES[kind]);
    if (ws === undefined) {
      if (required) errors.push(missingSheetError(INPUT_SHEET_NAMES[kind], names));
      return undefined;
    }
    return sheetGrid(ws, kind);
  };
  const grids = { policy: grid("policy", false), project: grid("project", true), households: grid("households", true), elevators: grid("elevators", false) };
  return { grids, errors };
}
