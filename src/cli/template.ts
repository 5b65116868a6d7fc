/**
 * `reno template <new.xlsx> [--example] [--force]` (also `npm run --silent template -- …`)
 *
 * Writes a standard workbook (workbook-layout.md): 政策参数, 项目信息 and 住户 with their tables, number
 * formats, drop-downs on the yes/no and 困难类别 columns, and frozen header rows; `--example` fills it
 * with the bundled example project. An existing file is never replaced unless --force is given.
 */
import * as fs from "fs";
import { templateBook, workbookBytes } from "../xlsx";
import { parseCommandLine } from "./args";
import { exitCodeOf, inputError, withUsage, writeFileAtomic } from "./io";

export const TEMPLATE_HELP = `用法 Usage: reno template <new.xlsx> [--example] [--force]
  (从仓库运行 from the repository: npx reno template … 或 or npm run --silent template -- …)
  --example   填入示例项目 fill in the bundled example project
  --force     覆盖已有文件 replace an existing file
  --help, -h  显示本帮助 show this help
`;

export function main(argv: readonly string[]): Promise<number> {
  return exitCodeOf(async () => {
    const options = { example: { type: "boolean" }, force: { type: "boolean" }, help: { type: "boolean", short: "h" } } as const;
    const { values, positionals } = parseCommandLine(argv, options, 1, TEMPLATE_HELP);
    if (values.help === true) {
      process.stdout.write(TEMPLATE_HELP);
      return 0;
    }
    const out = positionals[0];
    const example = values.example === true;
    const force = values.force === true;
    if (out === undefined) throw withUsage(inputError("cli.missingFileName"), TEMPLATE_HELP);
    if (!/\.xlsx$/i.test(out)) throw inputError("cli.xlsxName", { file: out });
    if (fs.existsSync(out) && !force) throw inputError("cli.fileExists", { file: out });
    writeFileAtomic(out, await workbookBytes(templateBook({ example })));
    return 0;
  });
}
