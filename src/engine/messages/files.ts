/**
 * Messages about input FILES (issue 10): what a file is when it is not a readable .xlsx and what to do,
 * zip-bomb limits, what could not be carried over into a result workbook, the strict JSON reader, and
 * batch folders. Every one names the file (the command line puts the file name in front) and is exit 2.
 */
import { text } from "./define";

const mib = (n: number) => `${Math.round(n / (1024 * 1024))} MiB`;

export const FILE_MESSAGES = {
  "file.truncated": text(
    () => "文件不完整（ZIP 结构的结尾缺失，可能下载或复制时中断），请重新获取或从原程序重新保存",
    () => "the file is incomplete (the end of its zip structure is missing: an interrupted download or copy?); get it again or save it again",
  ),
  "file.zipMethod": text<{ method: number; entry: string }>(
    (p) => `工作簿部件 ${p.entry} 使用了不支持的压缩方式（${p.method}），请在 Excel 或 WPS 中另存为 .xlsx`,
    (p) => `the part ${p.entry} uses an unsupported compression method (${p.method}); save the workbook as .xlsx in Excel or WPS`,
  ),
  "file.bombSize": text<{ size: number; limit: number }>(
    (p) => `工作簿解压后共 ${mib(p.size)}，超过上限 ${mib(p.limit)}（可能是“压缩炸弹”），未解压`,
    (p) => `the workbook would unpack to ${mib(p.size)}, more than the limit of ${mib(p.limit)} (a zip bomb?); nothing was unpacked`,
  ),
  "file.bombEntries": text<{ count: number; limit: number }>(
    (p) => `工作簿含 ${p.count} 个部件，超过上限 ${p.limit}（可能是“压缩炸弹”），未解压`,
    (p) => `the workbook holds ${p.count} parts, more than the limit of ${p.limit} (a zip bomb?); nothing was unpacked`,
  ),
  "file.bombRatio": text<{ entry: string; ratio: number; limit: number }>(
    (p) => `工作簿部件 ${p.entry} 的压缩比为 ${p.ratio}:1，超过上限 ${p.limit}:1（可能是“压缩炸弹”），未解压`,
    (p) => `the part ${p.entry} is packed ${p.ratio}:1, more than the limit of ${p.limit}:1 (a zip bomb?); nothing was unpacked`,
  ),
  "file.xlsb": text(
    () => "这是 Excel 二进制工作簿（.xlsb），请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后再试",
    () => "this is an Excel binary workbook (.xlsb); save it as an Excel Workbook (*.xlsx) in Excel and try again",
  ),
  "file.ods": text(
    () => "这是 OpenDocument 电子表格（.ods），请在 WPS、LibreOffice 或 Excel 中“另存为”Excel 工作簿（*.xlsx）后再试",
    () => "this is an OpenDocument spreadsheet (.ods); save it as an Excel Workbook (*.xlsx) in WPS, LibreOffice or Excel and try again",
  ),
  "file.odf": text(
    () => "这是 OpenDocument 文档，不是电子表格；请使用 Excel 工作簿（.xlsx）",
    () => "this is an OpenDocument file, not a spreadsheet; use an Excel workbook (.xlsx)",
  ),
  "file.csv": text(
    () => "这是 CSV/文本文件，不是 Excel 工作簿；请在 Excel 或 WPS 中打开，按标准工作簿（reno template）整理后“另存为”.xlsx",
    () => "this is a CSV/text file, not an Excel workbook; open it in Excel or WPS, arrange it as a standard workbook (reno template) and save it as .xlsx",
  ),
  "file.html": text(
    () => "这是网页（HTML）格式的表格（常见于系统导出的“.xls”），不是 Excel 工作簿；请在 Excel 或 WPS 中打开并“另存为”Excel 工作簿（*.xlsx）",
    () =>
      "this is a web page (HTML) table (as systems often export “.xls”), not an Excel workbook; open it in Excel or WPS and save it as an Excel Workbook (*.xlsx)",
  ),
  "file.xml2003": text(
    () => "这是“XML 电子表格 2003”文件，不是 .xlsx；请在 Excel 或 WPS 中打开并“另存为”Excel 工作簿（*.xlsx）",
    () => "this is an XML Spreadsheet 2003 file, not .xlsx; open it in Excel or WPS and save it as an Excel Workbook (*.xlsx)",
  ),
  "file.officeOther": text<{ what: string; whatEn: string }>(
    (p) => `这是${p.what}，不是 Excel 工作簿`,
    (p) => `this is ${p.whatEn}, not an Excel workbook`,
  ),
  "file.zipNotWorkbook": text(
    () => "这是一个 ZIP 压缩包，不是 Excel 工作簿；如工作簿在压缩包中，请先解压",
    () => "this is a zip archive, not an Excel workbook; if the workbook is inside it, unpack it first",
  ),
  "file.partMissing": text<{ part: string }>(
    (p) => `工作簿已损坏：缺少部件 ${p.part}；请在 Excel 或 WPS 中打开（修复）后重新保存`,
    (p) => `the workbook is damaged: the part ${p.part} is missing; open (repair) it in Excel or WPS and save it again`,
  ),
  "file.badPart": text<{ part: string; detail: string }>(
    (p) => `工作簿已损坏：部件 ${p.part} 无法读取（${p.detail}）；请在 Excel 或 WPS 中打开（修复）后重新保存`,
    (p) => `the workbook is damaged: the part ${p.part} cannot be read (${p.detail}); open (repair) it in Excel or WPS and save it again`,
  ),
  "file.unreadable": text<{ reason: string }>(
    (p) => `无法读取文件（${p.reason}）`,
    (p) => `cannot read the file (${p.reason})`,
  ),
  "file.isFolder": text(
    () => "这是一个文件夹，不是工作簿",
    () => "this is a folder, not a workbook",
  ),
  "file.brokenLink": text(
    () => "这是一个失效的快捷方式（符号链接指向的文件不存在）",
    () => "this is a broken link (the file it points to does not exist)",
  ),
  "file.notCarried": text<{ sheet: string; what: string; whatEn: string }>(
    (p) => `${p.sheet} 的 ${p.what}未复制到结果文件`,
    (p) => `${p.whatEn} of ${p.sheet} not copied to the result file`,
  ),
  "file.macrosNotCarried": text(
    () => "宏（VBA 工程）未复制到结果文件（.xlsx 不能含宏）",
    () => "the macros (VBA project) were not copied to the result file (an .xlsx cannot hold macros)",
  ),
  "cli.inputUnreadable": text<{ file: string; zh: string; en: string }>(
    (p) => `${p.file}：${p.zh}`,
    (p) => `${p.file}: ${p.en}`,
  ),
  "cli.notCarriedHeader": text<{ file: string }>(
    (p) => `注意：以下内容未复制到结果文件 ${p.file}：`,
    (p) => `note: not copied to the result file ${p.file}:`,
  ),
  "cli.outIsBatchInput": text<{ file: string }>(
    (p) => `输出文件不能是文件夹中的输入工作簿：${p.file}`,
    (p) => `the output must not be one of the folder's input workbooks: ${p.file}`,
  ),
  "json.syntax": text<{ line: number; column: number; expected: string; expectedEn: string; found: string }>(
    (p) => `不是有效的 JSON：第 ${p.line} 行第 ${p.column} 列应为${p.expected}，实为 ${p.found}`,
    (p) => `not valid JSON: line ${p.line}, column ${p.column}: expected ${p.expectedEn}, found ${p.found}`,
  ),
  "json.duplicateKeyAt": text<{ key: string; line: number; first: number }>(
    (p) => `JSON 中键“${p.key}”出现两次（第 ${p.first} 行和第 ${p.line} 行），无法确定用哪一个`,
    (p) => `the key "${p.key}" appears twice in the JSON (lines ${p.first} and ${p.line}); which one is meant cannot be known`,
  ),
  "json.notUtf8": text<{ offset: number; hint: string; hintEn: string }>(
    (p) => `文件不是有效的 UTF-8 文本（第 ${p.offset} 字节起）${p.hint}；请用 UTF-8 编码另存`,
    (p) => `the file is not valid UTF-8 text (from byte ${p.offset})${p.hintEn}; save it as UTF-8`,
  ),
  "json.utf16": text(
    () => "文件是 UTF-16（“Unicode”）编码，应为 UTF-8；请用 UTF-8 编码另存",
    () => "the file is UTF-16 (“Unicode”) encoded, not UTF-8; save it as UTF-8",
  ),
} as const;
