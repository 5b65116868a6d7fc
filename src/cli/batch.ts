/**
 * The batch: every workbook of a folder calculated, one summary workbook written (issue 6 §2).
 * One bad workbook does not stop the others; it is reported in its row.
 */
import * as fs from "fs";
import * as path from "path";
import { PaperSheet, ProgrammeEntry, SheetData, buildProgrammeSheet, localDate, orderProgramme, formatWorkbookError } from "../workbook";
import { message } from "../engine";
import { calculateBook } from "../xlsx/book";
import { WorkbookFileError, openWorkbookPackage } from "../xlsx/package";
import { XlsxBook } from "../xlsx/read";
import { workbookBytes, writeSheet } from "../xlsx/write";
import { inputError, realFile } from "./io";
import { createProgress, ProgressStream } from "./progress";
import { percentText } from "../engine";

/** Spreadsheet files a batch takes (the others it reports with what to do): .xlsx and its kin, .xls, .xlsb, .ods, WPS .et. */
const BATCH_FILES = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|et)$/i;

/**
 * The spreadsheet files of a folder, by name; Excel lock files (`~$…`) and hidden files are skipped.
 * `exclude`: a path never listed (the summary being written). Sub-folders and broken links whose names
 * end in .xlsx are listed: the batch reports them.
 */
export function listWorkbooks(dir: string, exclude?: string): string[] {
  const skip = exclude === undefined ? undefined : realFile(exclude);
  return fs
    .readdirSync(dir)
    .filter((f) => BATCH_FILES.test(f) && !f.startsWith("~$") && !f.startsWith("."))
    .filter((f) => skip === undefined || realFile(path.join(dir, f)) !== skip)
    .sort();
}

/** True when a workbook's sheets are a programme summary of ours (项目汇总, no input sheets). */
function isProgrammeSummary(file: string): boolean {
  try {
    const { pkg, workbookPart } = openWorkbookPackage(file, fs.readFileSync(file));
    const names = new XlsxBook(file, pkg, workbookPart).sheetNames;
    return names.includes("项目汇总") && !names.includes("住户") && !names.includes("项目信息");
  } catch {
    return false;
  }
}

/**
 * Checks a batch's --out against the folder's inputs: refused (exit 2) when it is one of them, through
 * links too; a summary we wrote before in the folder is not an input and may be replaced. Returns the
 * path to leave out of the inputs.
 */
export function checkBatchOut(dir: string, out: string): string {
  const target = realFile(out);
  for (const f of listWorkbooks(dir)) {
    const full = path.join(dir, f);
    if (realFile(full) !== target) continue;
    if (/\.xlsx$/i.test(out) && isProgrammeSummary(full)) return out;
    throw inputError("cli.outIsBatchInput", { file: out });
  }
  return out;
}

/** Why a listed name cannot be read as a file: a folder, a broken link, no permission; undefined when it can. */
function unreadable(full: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const link = fs.lstatSync(full, { throwIfNoEntry: false });
    if (code === "ENOENT" && link?.isSymbolicLink() === true) return bothLanguages(message("file.brokenLink"));
    return bothLanguages(message("file.unreadable", { reason: code ?? String(e) }));
  }
  if (st.isDirectory()) return bothLanguages(message("file.isFolder"));
  try {
    fs.accessSync(full, fs.constants.R_OK);
  } catch (e) {
    return bothLanguages(message("file.unreadable", { reason: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  return undefined;
}

const bothLanguages = (m: { zh: string; en: string }) => `${m.zh} / ${m.en}`;

/** Calculates every workbook of the folder. Workbooks are read one after another (memory stays flat). */
export async function runBatch(dir: string, options: { exclude?: string; progress?: ProgressStream } = {}): Promise<ProgrammeEntry[]> {
  const files = listWorkbooks(dir, options.exclude);
  const bar = createProgress(files.length, options.progress);
  const entries: ProgrammeEntry[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    const problem = unreadable(full);
    if (problem !== undefined) {
      entries.push({ file, ok: false, errors: [], message: problem });
      bar.tick(file);
      continue;
    }
    try {
      const r = await calculateBook(file, fs.readFileSync(full));
      entries.push(r.ok ? { file, ok: true, read: r.read } : { file, ok: false, errors: r.errors });
    } catch (e) {
      if (!(e instanceof WorkbookFileError)) throw e;
      entries.push({ file, ok: false, errors: [], message: `${e.zh} / ${e.en}` });
    }
    bar.tick(file);
  }
  bar.done();
  return entries;
}

/** 问题清单: every problem of every workbook with its Sheet!Cell, in both languages; printed landscape on A4. */
export function buildProblemSheet(entries: readonly ProgrammeEntry[], options: { time?: Date } = {}): SheetData {
  const b = new PaperSheet("问题清单", [{ wrapAt: 16 }, { min: 10 }, { fill: true }, { wrapAt: 50 }], { orientation: "landscape" });
  b.title("问题清单（无法测算的工作簿）");
  b.info([...(options.time !== undefined ? [`日期：${localDate(options.time)}`] : []), "每个问题注明工作表和单元格"].join("　　"));
  const header = b.header(["文件", "位置", "问题", "Problem"]);
  b.repeatHeader(header);
  let rows = 0;
  for (const e of orderProgramme(entries)) {
    if (e.ok) continue;
    if (e.message !== undefined) {
      const [zh, ...en] = e.message.split(" / ");
      b.body([e.file, null, zh, en.join(" / ")]);
      rows++;
    }
    for (const x of e.errors) {
      b.body([e.file, x.ref, x.zh, x.en]);
      rows++;
    }
  }
  if (rows === 0) b.body(["（无）", null, null, null]);
  return b.finish({ freezeRows: header });
}

/** The summary workbook: 项目汇总 (one row per project, programme total) and 问题清单. */
export async function programmeBookBytes(entries: readonly ProgrammeEntry[]): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default; // loaded only when a summary workbook is written
  const wb = new ExcelJS.Workbook();
  wb.creator = "reno-funding";
  const time = new Date();
  writeSheet(wb, buildProgrammeSheet(entries, { time }));
  writeSheet(wb, buildProblemSheet(entries, { time }));
  return workbookBytes(wb);
}

/** A plain-text listing for the terminal when no --out is given. */
export function programmeText(entries: readonly ProgrammeEntry[]): string {
  const lines: string[] = [];
  for (const e of orderProgramme(entries)) {
    if (!e.ok) {
      lines.push(`✗ ${e.file}: ${e.message ?? `${e.errors.length} 处问题 problems`}`);
      for (const x of e.errors.slice(0, 5)) lines.push(`    ${formatWorkbookError(x)}`);
      continue;
    }
    const r = e.read.result;
    const t = r.totals;
    lines.push(
      `${t?.fullyCollected ? "★" : "·"} ${e.file}: T ${r.project.totalInvestment.toFixed(2)}  R ${r.project.residentTotal.toFixed(2)}  F ${r.project.fiscalSubsidy.toFixed(2)}  户 ${r.households?.length ?? 0}  到位 ${t === undefined ? "-" : percentText(t.collectionRate)}`,
    );
  }
  return lines.join("\n") + "\n";
}
