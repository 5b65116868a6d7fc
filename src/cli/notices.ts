/**
 * `reno calc <book.xlsx> --notices <notices.xlsx> [--per-page 2|4]`: the payment notices (缴费通知) of a
 * standard workbook — one notice per household, 2 or 4 to an A4 page with cut lines, the payment
 * account, deadline and officer from the optional 项目信息 rows — written to their own workbook.
 * Invalid input is exit 2 with every problem at its cell, and nothing is written.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { bilingualText, message } from "../engine";
import { buildNotices, formatWorkbookError } from "../workbook";
import { WorkbookFileError, calculateBook, workbookBytes, writeSheet } from "../xlsx";
import { InputError, inputError, isSameFile, writeFileAtomic } from "./io";

/** `--per-page`: 2 (default) or 4. */
export function parsePerPage(text: string | undefined): 2 | 4 {
  if (text === undefined || text === "2") return 2;
  if (text === "4") return 4;
  throw inputError("cli.perPage", { found: text });
}

/**
 * Calculates `input` and writes its notices to `out` (atomically). Returns the exit code: 0 written,
 * 2 invalid input (problems on stderr). perPage: the `--per-page` text.
 */
export async function runNotices(input: string, out: string, perPage: string | undefined, isDir: boolean): Promise<number> {
  if (isDir || !/\.xlsx$/i.test(input)) throw inputError("cli.noticesInput", { file: input });
  if (!/\.xlsx$/i.test(out)) throw inputError("cli.noticesOut", { file: out });
  if (isSameFile(input, out)) throw inputError("cli.outIsInput", { file: out });
  const per = parsePerPage(perPage);
  let r;
  try {
    r = await calculateBook(path.basename(input), fs.readFileSync(input));
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new InputError({ zh: `${input}：${e.zh}`, en: `${input}: ${e.en}` });
    throw e;
  }
  if (!r.ok) {
    process.stderr.write(`${bilingualText(message("cli.invalidInput", { file: input, count: r.errors.length }))}\n`);
    for (const e of r.errors) process.stderr.write(`  ${formatWorkbookError(e)}\n`);
    return 2;
  }
  const built = buildNotices(r.read, { time: new Date(), perPage: per });
  if (!built.ok) throw new InputError({ zh: built.zh, en: built.en });
  const wb = new ExcelJS.Workbook();
  wb.creator = "reno-funding";
  writeSheet(wb, built.sheet);
  writeFileAtomic(out, await workbookBytes(wb));
  process.stderr.write(`${bilingualText(message("notices.done", { count: built.notices, perPage: per, file: out }))}\n`);
  return 0;
}
