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
import { InputError, exitCodeOf, writeFileAtomic } from "./io";

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
    if (out === undefined) throw new InputError(`缺少文件名 / missing file name\n${TEMPLATE_HELP}`);
    if (!/\.xlsx$/i.test(out)) throw new InputError(`文件名应以 .xlsx 结尾：${out} / the file name must end in .xlsx: ${out}`);
    if (fs.existsSync(out) && !force) throw new InputError(`文件已存在：${out}（用 --force 覆盖）/ file exists: ${out} (use --force to replace it)`);
    writeFileAtomic(out, await workbookBytes(templateBook({ example })));
    return 0;
  });
}
