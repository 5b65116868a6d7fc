/**
 * The .xlsx and folder paths of the command line (issue 6: workbooks outside Excel).
 *
 *   calc <book.xlsx> [--out result.xlsx | result.json]   one workbook (no --out: the JSON on stdout)
 *   calc <folder>    [--out summary.xlsx | summary.json]  every workbook of the folder
 *
 * Exit 0 on success; 2 on invalid input (every problem with its Sheet!Cell on stderr, nothing written
 * for a single workbook; in a batch the summary is still written and the bad workbooks are in it).
 */
import * as path from "path";
import { ENGINE_VERSION, bilingualText, message, toOutputJson } from "../engine";
import { WorkbookError, formatWorkbookError, sha256Hex } from "../workbook";
import { calculateBook, resultBook } from "../xlsx/book";
import { WorkbookFileError } from "../xlsx/package";
import { InputError, inputError, readInput, writeFileAtomic, writeJson } from "./io";
import { checkBatchOut, programmeBookBytes, programmeText, runBatch } from "./batch";

function printErrors(file: string, errors: readonly WorkbookError[]): void {
  process.stderr.write(`${bilingualText(message("cli.invalidInput", { file, count: errors.length }))}\n`);
  for (const e of errors) process.stderr.write(`  ${formatWorkbookError(e)}\n`);
}

function outKind(out: string | undefined): "xlsx" | "json" | undefined {
  if (out === undefined) return undefined;
  if (/\.xlsx$/i.test(out)) return "xlsx";
  if (/\.json$/i.test(out)) return "json";
  throw inputError("cli.outKind", { file: out });
}

/** One workbook → a result workbook (input sheets kept, output sheets added or replaced) or JSON. */
export async function runSingle(input: string, out: string | undefined): Promise<number> {
  const kind = outKind(out);
  let r;
  const bytes = readInput(input);
  try {
    r = await calculateBook(path.basename(input), bytes);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new InputError({ zh: `${input}：${e.zh}`, en: `${input}: ${e.en}` });
    throw e;
  }
  if (!r.ok) {
    printErrors(input, r.errors);
    return 2;
  }
  if (r.read.skippedRows.length > 0) {
    process.stderr.write(`${bilingualText(message("cli.skippedTotals", { rows: r.read.skippedRows }))}\n`);
  }
  if (kind === "xlsx") {
    const existingSheets = r.workbook.sheetNames;
    const meta = {
      time: new Date(),
      version: `reno-funding ${ENGINE_VERSION}（命令行）`,
      source: path.basename(input),
      sourceSha256: sha256Hex(bytes),
      existingSheets,
    };
    const result = await resultBook(r.workbook, r.read, meta);
    writeFileAtomic(out!, result.bytes);
    if (result.notCarried.length > 0) {
      process.stderr.write(`${bilingualText(message("cli.notCarriedHeader", { file: out! }))}\n`);
      for (const x of result.notCarried) process.stderr.write(`  ${bilingualText(x)}\n`);
    }
  } else writeJson(out, toOutputJson(r.read.result));
  return 0;
}

/** A folder → a summary workbook (or JSON); exit 2 when any workbook could not be calculated. */
export async function runFolder(dir: string, out: string | undefined): Promise<number> {
  const kind = outKind(out);
  const exclude = out === undefined ? undefined : checkBatchOut(dir, out);
  const entries = await runBatch(dir, { exclude });
  if (entries.length === 0) throw inputError("cli.noWorkbooks", { folder: dir });
  const bad = entries.filter((e) => !e.ok);
  for (const e of bad) {
    if (e.ok) continue;
    if (e.message !== undefined) process.stderr.write(`${e.file}: ${e.message}\n`);
    else printErrors(e.file, e.errors);
  }
  if (kind === "xlsx") writeFileAtomic(out!, await programmeBookBytes(entries));
  else if (kind === "json") {
    const json = entries.map((e) =>
      e.ok
        ? { file: e.file, ok: true, stage: e.read.stage, result: toOutputJson(e.read.result) }
        : { file: e.file, ok: false, message: e.message, errors: e.errors.map((x) => ({ ref: x.ref, code: x.code, zh: x.zh, en: x.en })) },
    );
    writeJson(out!, json);
  } else process.stdout.write(programmeText(entries));
  process.stderr.write(`${bilingualText(message("cli.batchSummary", { total: entries.length, ok: entries.length - bad.length, bad: bad.length }))}\n`);
  return bad.length > 0 ? 2 : 0;
}

export async function runWorkbookCli(input: string, out: string | undefined, isDir: boolean): Promise<number> {
  return isDir ? runFolder(input, out) : runSingle(input, out);
}
