/**
 * The batch: every workbook of a folder calculated, one summary workbook written (issue 6 §2).
 * One bad workbook does not stop the others; it is reported in its row.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { PaperSheet, ProgrammeEntry, SheetData, buildProgrammeSheet, localDate, orderProgramme, formatWorkbookError } from "../workbook";
import { WorkbookFileError, calculateBook, workbookBytes, writeSheet } from "../xlsx";
import { createProgress, ProgressStream } from "./progress";
import { percentText } from "../engine";

/** The .xlsx files of a folder, by name; Excel lock files (`~$…`) and hidden files are skipped. */
export function listWorkbooks(dir: string, exclude?: string): string[] {
  const skip = exclude === undefined ? undefined : path.resolve(exclude);
  return fs
    .readdirSync(dir)
    .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$") && !f.startsWith("."))
    .filter((f) => path.resolve(dir, f) !== skip)
    .sort();
}

/** Calculates every workbook of the folder. Workbooks are read one after another (memory stays flat). */
export async function runBatch(dir: string, options: { exclude?: string; progress?: ProgressStream } = {}): Promise<ProgrammeEntry[]> {
  const files = listWorkbooks(dir, options.exclude);
  const bar = createProgress(files.length, options.progress);
  const entries: ProgrammeEntry[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
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
