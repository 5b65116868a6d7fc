/**
 * File output for the command line: write to a temporary file beside the target and rename only on
 * success, so a failed run never leaves a partial file (funding-rules.md §8), and never overwrite the input.
 */
import * as fs from "fs";
import * as path from "path";
import { Bilingual, MessageArgs, MessageCode, bilingualText, message } from "../engine";

/** Writes `data` to `target` atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw inputError("cli.outFolderMissing", { folder: dir });
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw inputError("cli.outIsFolder", { file: target });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    // A place the user cannot write to (permissions, read-only medium) is their input, not a bug.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "EISDIR" || code === "ENOTDIR") {
      throw inputError("cli.outNotWritable", { file: target, reason: code });
    }
    throw e;
  }
}

/** `value` as indented JSON with a final newline: to `out` (atomically), or to stdout when no --out is given. */
export function writeJson(out: string | undefined, value: unknown): void {
  const text = JSON.stringify(value, null, 2) + "\n";
  if (out === undefined) process.stdout.write(text);
  else writeFileAtomic(out, text);
}

/**
 * The real path of a file: links resolved where the file exists; for a file not yet written, its
 * folder's real path and its name (so `link-to-folder/in.xlsx` and `folder/in.xlsx` compare equal).
 */
export function realFile(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(path.resolve(p))), path.basename(p));
    } catch {
      return path.resolve(p);
    }
  }
}

/** True when two paths name the same file (after resolving links, see realFile). */
export function isSameFile(a: string, b: string): boolean {
  return realFile(a) === realFile(b);
}

/** Spreadsheet file names the workbook path takes (it says what a non-.xlsx one is and what to do). */
export const WORKBOOK_EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|xlt|ods|ots|et|ett|csv|tsv)$/i;

/** True for a file the workbook path should take: a spreadsheet name, or content that starts like a zip or an OLE file. */
export function isWorkbookFile(file: string): boolean {
  if (WORKBOOK_EXTENSIONS.test(file)) return true;
  if (/\.json$/i.test(file)) return false;
  try {
    const fd = fs.openSync(file, "r");
    try {
      const head = Buffer.alloc(8);
      const n = fs.readSync(fd, head, 0, 8, 0);
      return n >= 4 && ((head[0] === 0x50 && head[1] === 0x4b) || head.readUInt32BE(0) === 0xd0cf11e0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Reads an input file; a file that cannot be read (permissions, a folder) is exit 2 naming it. */
export function readInput(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code === "EISDIR") throw inputError("cli.inputUnreadable", { file, ...message("file.isFolder") });
    if (code === "ENOENT") throw inputError("cli.inputNotFound", { file });
    throw inputError("cli.inputUnreadable", { file, ...message("file.unreadable", { reason: code }) });
  }
}

/** A usage or input problem: exit code 2 with this message (and the command's usage, if given) on stderr. */
export class InputError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly usage?: string,
  ) {
    super(bilingualText(text) + (usage === undefined ? "" : `\n\n${usage}`));
    this.name = "InputError";
  }
}

/** An InputError from the message catalogue. */
export function inputError<C extends MessageCode>(code: C, ...args: MessageArgs<C>): InputError {
  return new InputError(message(code, ...args));
}

/** The same problem followed by a command's usage. */
export function withUsage(e: InputError, usage: string): InputError {
  return new InputError(e.text, usage);
}

/**
 * The exit code of a command: its own, 2 for an InputError (message on stderr), 1 for anything else
 * (the stack on stderr). Every command line entry goes through here.
 */
export async function exitCodeOf(command: () => Promise<number> | number): Promise<number> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`${bilingualText(message("cli.internal", { detail: (e as Error).stack ?? String(e) }))}\n`);
    return 1;
  }
}

/** Runs a command's main as the process: sets the exit code when it settles. */
export function runAsScript(main: (argv: readonly string[]) => Promise<number>): void {
  void exitCodeOf(() => main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  });
}
