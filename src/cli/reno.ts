/**
 * `reno <command> …` — the one entry of the command line. bin/reno.js runs its build, lib/cli/reno.js.
 *
 *   reno calc <input.json | book.xlsx | folder> [--out <file>]   (src/cli/calc.ts)
 *   reno template <new.xlsx> [--example] [--force]             (src/cli/template.ts)
 *   reno --help | --version
 *
 * Exit 0 on success, 2 on a usage problem or invalid input, 1 on anything else. Only what a command
 * needs is loaded: `calc` on a JSON file never loads exceljs (template and the workbook path import it).
 */
import { ENGINE_VERSION } from "../engine";
import { parseCommandLine } from "./args";
import { main as calcMain } from "./calc";
import { exitCodeOf, inputError, withUsage } from "./io";

export const USAGE = `reno — 老旧小区改造资金测算 reno-funding 命令行 / command line

用法 Usage:
  reno calc <input.json | book.xlsx | folder> [--out <file>]   测算 compute            (reno calc --help)
  reno template <new.xlsx> [--example] [--force]             新建标准工作簿 new workbook (reno template --help)
  reno --help | --version

从仓库运行 From the repository: npx reno …, npm run --silent calc -- …, npm run --silent template -- …
退出码 Exit codes: 0 成功 success · 2 输入有误 invalid input · 1 其他错误 other failure
`;

/** Runs `reno` with these arguments (without node and the script). Returns the exit code. */
export function main(argv: readonly string[]): Promise<number> {
  return exitCodeOf(async () => {
    const [command, ...rest] = argv;
    if (command === "calc") return calcMain(rest);
    if (command === "template") return (await import("./template")).main(rest);
    if (command === undefined) throw withUsage(inputError("cli.missingCommand"), USAGE);
    if (!command.startsWith("-")) throw withUsage(inputError("cli.unknownCommand", { command }), USAGE);
    const { values } = parseCommandLine(argv, { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "v" } }, 0, USAGE);
    if (values.version === true) {
      process.stdout.write(`reno-funding ${ENGINE_VERSION}\n`);
      return 0;
    }
    process.stdout.write(USAGE);
    return 0;
  });
}

/** Runs `reno` as the process (bin/reno.js): the exit code is set when it settles. */
export function runAsScript(argv: readonly string[]): void {
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}
