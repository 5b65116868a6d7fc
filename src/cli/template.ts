/**
 * `npm run --silent template -- <new.xlsx> [--example] [--force]`
 *
 * Writes a standard workbook (workbook-layout.md): 政策参数, 项目信息 and 住户 with their tables, number
 * formats, drop-downs on the yes/no and 困难类别 columns, and frozen header rows; `--example` fills it
 * with the bundled example project. An existing file is never replaced unless --force is given.
 */
import * as fs from "fs";
import { templateBook, workbookBytes } from "../xlsx";
import { InputError, exitCodeOf, runAsScript, writeFileAtomic } from "./io";

export const TEMPLATE_HELP = `用法 Usage: npm run --silent template -- <new.xlsx> [--example] [--force]
  --example   填入示例项目 fill in the bundled example project
  --force     覆盖已有文件 replace an existing file
`;

export function main(argv: readonly string[]): Promise<number> {
  return exitCodeOf(async () => {
    let out: string | undefined;
    let example = false;
    let force = false;
    for (const a of argv) {
      if (a === "--help" || a === "-h") {
        process.stdout.write(TEMPLATE_HELP);
        return 0;
      } else if (a === "--example") example = true;
      else if (a === "--force") force = true;
      else if (a.startsWith("-")) throw new InputError(`未知选项 ${a} / unknown option ${a}\n${TEMPLATE_HELP}`);
      else if (out === undefined) out = a;
      else throw new InputError(`多余的参数 ${a} / unexpected argument ${a}\n${TEMPLATE_HELP}`);
    }
    if (out === undefined) throw new InputError(`缺少文件名 / missing file name\n${TEMPLATE_HELP}`);
    if (!/\.xlsx$/i.test(out)) throw new InputError(`文件名应以 .xlsx 结尾：${out} / the file name must end in .xlsx: ${out}`);
    if (fs.existsSync(out) && !force) throw new InputError(`文件已存在：${out}（用 --force 覆盖）/ file exists: ${out} (use --force to replace it)`);
    writeFileAtomic(out, await workbookBytes(templateBook({ example })));
    return 0;
  });
}

if (require.main === module) runAsScript(main);
