/** Messages of the command line and of opening files (exit 2 unless said otherwise). */
import { text } from "./define";

export const CLI_MESSAGES = {
  "cli.unknownOption": text<{ option: string }>(
    (p) => `未知选项 ${p.option}`,
    (p) => `unknown option ${p.option}`,
  ),
  "cli.missingCommand": text(
    () => "缺少命令",
    () => "missing command",
  ),
  "cli.optionNoValue": text<{ option: string }>(
    (p) => `选项 ${p.option} 不带值`,
    (p) => `option ${p.option} takes no value`,
  ),
  "cli.optionDashValue": text<{ option: string; name: string; value: string }>(
    (p) => `选项 ${p.option} 的值 ${p.value} 以 - 开头，请写成 --${p.name}=${p.value}`,
    (p) => `the value ${p.value} of ${p.option} starts with "-": write --${p.name}=${p.value}`,
  ),
  "cli.invalidArguments": text<{ detail: string }>(
    (p) => `参数有误：${p.detail}`,
    (p) => `invalid arguments: ${p.detail}`,
  ),
  "cli.unexpectedArgument": text<{ argument: string }>(
    (p) => `多余的参数 ${p.argument}`,
    (p) => `unexpected argument ${p.argument}`,
  ),
  "cli.optionValue": text<{ option: string }>(
    (p) => `选项 ${p.option} 需要一个值`,
    (p) => `option ${p.option} needs a value`,
  ),
  "cli.unknownCommand": text<{ command: string }>(
    (p) => `未知命令 ${p.command}（可用：calc、template）`,
    (p) => `unknown command ${p.command} (commands: calc, template)`,
  ),
  "cli.missingInput": text(
    () => "缺少输入文件",
    () => "missing input file",
  ),
  "cli.inputNotFound": text<{ file: string }>(
    (p) => `找不到输入文件 ${p.file}`,
    (p) => `input not found: ${p.file}`,
  ),
  "cli.outIsInput": text<{ file: string }>(
    (p) => `输出文件不能是输入文件：${p.file}`,
    (p) => `the output must not be an input file: ${p.file}`,
  ),
  "cli.outKind": text<{ file: string }>(
    (p) => `--out 应为 .xlsx 或 .json 文件：${p.file}`,
    (p) => `--out must be a .xlsx or .json file: ${p.file}`,
  ),
  "cli.outIsFolder": text<{ file: string }>(
    (p) => `--out 是一个文件夹，应为文件：${p.file}`,
    (p) => `--out names a folder; it must name a file: ${p.file}`,
  ),
  "cli.outFolderMissing": text<{ folder: string }>(
    (p) => `输出目录不存在：${p.folder}`,
    (p) => `output folder does not exist: ${p.folder}`,
  ),
  "cli.outNotWritable": text<{ file: string; reason: string }>(
    (p) => `无法写入 ${p.file}：${p.reason}`,
    (p) => `cannot write ${p.file}: ${p.reason}`,
  ),
  "cli.fileExists": text<{ file: string }>(
    (p) => `文件已存在：${p.file}（用 --force 覆盖）`,
    (p) => `file exists: ${p.file} (use --force to replace it)`,
  ),
  "cli.missingFileName": text(
    () => "缺少文件名",
    () => "missing file name",
  ),
  "cli.xlsxName": text<{ file: string }>(
    (p) => `文件名应以 .xlsx 结尾：${p.file}`,
    (p) => `the file name must end in .xlsx: ${p.file}`,
  ),
  "cli.noWorkbooks": text<{ folder: string }>(
    (p) => `文件夹中没有 .xlsx 工作簿：${p.folder}`,
    (p) => `no .xlsx workbooks in ${p.folder}`,
  ),
  "cli.invalidInput": text<{ file: string; count: number }>(
    (p) => `输入有误：${p.file}（${p.count} 处）`,
    (p) => `invalid input: ${p.file} (${p.count})`,
  ),
  "cli.skippedTotals": text<{ rows: readonly string[] }>(
    (p) => `已跳过合计行（不计为住户）：${p.rows.join("、")}`,
    (p) => `skipped total rows (not households): ${p.rows.join(", ")}`,
  ),
  "cli.batchSummary": text<{ total: number; ok: number; bad: number }>(
    (p) => `${p.total} 个工作簿，${p.ok} 个已测算，${p.bad} 个有误`,
    (p) => `${p.total} workbooks, ${p.ok} calculated, ${p.bad} invalid`,
  ),
  "cli.internal": text<{ detail: string }>(
    (p) => `内部错误（请报告此问题）：${p.detail}`,
    (p) => `internal error (please report it): ${p.detail}`,
  ),
  "file.empty": text(
    () => "文件为空，不是 Excel 工作簿",
    () => "the file is empty; not an Excel workbook",
  ),
  "file.encrypted": text(
    () => "工作簿设有打开密码（已加密），请在 Excel 中取消密码后再试",
    () => "the workbook is password-protected (encrypted); remove the password in Excel and try again",
  ),
  "file.xls": text(
    () => "这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx",
    () => "this is a legacy .xls file; save it as .xlsx in Excel or WPS",
  ),
  "file.notXlsx": text(
    () => "不是 Excel 工作簿（.xlsx）",
    () => "not an Excel workbook (.xlsx)",
  ),
  "file.damaged": text<{ detail: string }>(
    (p) => `无法读取工作簿（文件已损坏或不是 .xlsx）：${p.detail}`,
    (p) => `cannot read the workbook (damaged or not .xlsx): ${p.detail}`,
  ),
} as const;
