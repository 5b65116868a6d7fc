/**
 * `reno calc <input.json | book.xlsx | folder> [--out <file>]` (also `npm run --silent calc -- …`)
 *
 * Runs the engine on a JSON input (or a standard workbook / a folder of them) and writes the result.
 * Exit 0 on success, 2 on invalid input (every problem on stderr with where it is; nothing written),
 * 1 on anything else. The JSON path loads only the engine: the workbook path (exceljs, slow to load)
 * is imported when an .xlsx file or a folder is given.
 */
import * as fs from "fs";

import { EngineError, bilingualText, calculate, engineError, formatError, invalidUtf8At, message, parseStrictJson, toOutputJson } from "../engine";
import { parseCommandLine } from "./args";
import { exitCodeOf, inputError, isSameFile, isWorkbookFile, readInput, withUsage, writeJson } from "./io";

export const USAGE = `用法 Usage:
  reno calc <input.json> [--out <result.json>]
  reno calc <book.xlsx> --out <result.xlsx | result.json>
  reno calc <folder> --out <summary.xlsx>
  reno calc <book.xlsx> --notices <notices.xlsx> [--per-page 2|4]
  详见 more: reno calc --help
`;

export const HELP = `老旧小区改造资金测算 reno-funding — 命令行 / command line

用法 Usage:
  reno calc <input.json> [--out <result.json>]
  reno calc <book.xlsx> --out <result.xlsx | result.json>
  reno calc <folder> --out <summary.xlsx>
  reno calc <book.xlsx> --notices <notices.xlsx> [--per-page 2|4]
  (从仓库运行 from the repository: npx reno calc … 或 or npm run --silent calc -- …)

输入 Input (JSON, UTF-8):
  { "policy": "default" | "yueqing-2023" | { "base": "default", "<key>": value, ... },   (可选 optional)
    "project": { "name": "…", "area": 8000,
                 "costs": { "basic": 2000000, "improvement": 1000000, "enhancement": 500000 },
                 "socialCapital": 100000, "elevatorCost": 0 },
    "households": [ { "id": "1-101", "owner": "张三", "area": 88.5, "exclusiveArea": 80.1,
                      "weight": null, "status": "低保户、特困供养人员", "paid": 1200,
                      "participated": true, "agreed": true, "note": "…",
                      "unit": "1幢1单元", "floor": 3, "elevatorWeight": null,
                      "elevatorPaid": 12000 }, ... ],                         (可选 optional)
    "elevators": [ { "unit": "1幢1单元", "storeys": 6, "cost": 650000, "maintenanceFund": 30000,
                     "otherFunds": 0, "subsidy": null, "note": "…" }, ... ] }  (加装电梯，可选 optional)

输出 Output: JSON to --out (else stdout): policy, project, households, totals, vote, and with
  elevators: elevators, elevatorTotals, unitsWithoutElevator — money in 元 with at most two
  decimals, ratios unrounded.

选项 Options:
  --out, -o <file>  写入文件（先写临时文件，成功后改名；不会覆盖输入文件）
                    write here (temp file + rename on success; never the input file)
  --notices <file>  缴费通知单（每户一份，每页 2 或 4 份）写入此 .xlsx；可与 --out 同用
                    payment notices (one per household, 2 or 4 to an A4 page) to this .xlsx; may go with --out
  --per-page 2|4    每页通知单份数，默认 2 notices per page, default 2
  --help, -h        显示本帮助 show this help

退出码 Exit codes: 0 成功 success · 2 输入有误 invalid input (nothing written) · 1 其他错误 other failure
规则 Rules: ../shared/spec/funding-rules.md (docs/计算规则.md)
`;

export interface CalcArgs {
  input?: string;
  out?: string;
  help: boolean;
  notices?: string;
  perPage?: string;
}

export function parseCalcArgs(argv: readonly string[]): CalcArgs {
  const options = {
    out: { type: "string", short: "o" },
    help: { type: "boolean", short: "h" },
    notices: { type: "string" },
    "per-page": { type: "string" },
  } as const;
  const { values, positionals } = parseCommandLine(argv, options, 1, USAGE);
  const out = values.out as string | undefined;
  if (out === "") throw withUsage(inputError("cli.optionValue", { option: "--out" }), USAGE);
  const notices = values.notices as string | undefined;
  if (notices === "") throw withUsage(inputError("cli.optionValue", { option: "--notices" }), USAGE);
  if (values["per-page"] !== undefined && notices === undefined) throw withUsage(inputError("cli.perPageWithoutNotices"), USAGE);
  return { input: positionals[0], out, help: values.help === true, notices, perPage: values["per-page"] as string | undefined };
}

/**
 * Parses the JSON input strictly (engine/json.ts): a key twice in one object, anywhere, is an error
 * with its path; syntax errors name line and column.
 */
export function parseJsonInput(text: string): { ok: true; value: unknown } | { ok: false; errors: readonly EngineError[] } {
  return parseStrictJson(text);
}

/** The input file's bytes as text: UTF-8 (a BOM is dropped); UTF-16 or invalid UTF-8 is an error naming the byte. */
export function decodeJsonBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: EngineError[] } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, errors: [engineError("json.utf16", [])] };
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) {
    // Chinese Windows saves "ANSI" text as GBK/GB18030: two bytes from 0x81 on.
    const gbk = bytes[bad] >= 0x81 && bytes[bad] <= 0xfe && bytes[bad + 1] >= 0x40;
    const hint = gbk
      ? { hint: "（看起来是 GBK/GB18030 编码，即记事本的“ANSI”）", hintEn: " (it looks like GBK/GB18030, Notepad's “ANSI”)" }
      : { hint: "", hintEn: "" };
    return { ok: false, errors: [engineError("json.notUtf8", [], { offset: bad + 1, ...hint })] };
  }
  return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8") };
}

function printErrors(errors: readonly EngineError[], file: string): void {
  process.stderr.write(`${bilingualText(message("cli.invalidInput", { file, count: errors.length }))}\n`);
  for (const e of errors) process.stderr.write(`  ${formatError(e)}\n`);
}

/** Runs the JSON path. Returns the exit code. */
export function runJson(input: string, out: string | undefined): number {
  const decoded = decodeJsonBytes(readInput(input));
  const parsed = decoded.ok ? parseJsonInput(decoded.text) : decoded;
  const result = parsed.ok ? calculate(parsed.value) : parsed;
  if (!result.ok) {
    printErrors(result.errors, input);
    return 2;
  }
  writeJson(out, toOutputJson(result.value));
  return 0;
}

export function main(argv: readonly string[]): Promise<number> {
  return exitCodeOf(async () => {
    const args = parseCalcArgs(argv);
    if (args.help) {
      process.stdout.write(HELP);
      return 0;
    }
    if (args.input === undefined) throw withUsage(inputError("cli.missingInput"), USAGE);
    if (!fs.existsSync(args.input)) {
      const link = fs.lstatSync(args.input, { throwIfNoEntry: false });
      throw link?.isSymbolicLink() === true
        ? inputError("cli.inputUnreadable", { file: args.input, ...message("file.brokenLink") })
        : inputError("cli.inputNotFound", { file: args.input });
    }
    if (args.out !== undefined && isSameFile(args.input, args.out)) throw inputError("cli.outIsInput", { file: args.out });
    const isDir = fs.statSync(args.input).isDirectory();
    if (args.notices !== undefined) {
      // 缴费通知单 (src/cli/notices.ts); with --out the usual result follows.
      const code = await (await import("./notices")).runNotices(args.input, args.notices, args.perPage, isDir);
      if (code !== 0 || args.out === undefined) return code;
    }
    if (isDir || isWorkbookFile(args.input)) {
      const { runWorkbookCli } = await import("./workbook-cli");
      return await runWorkbookCli(args.input, args.out, isDir);
    }
    return runJson(args.input, args.out);
  });
}
