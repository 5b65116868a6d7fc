/**
 * The .xlsx and folder paths of the command line (issue: workbooks outside Excel).
 * Placeholder until that issue lands.
 */
import { InputError } from "./io";

export async function runWorkbookCli(input: string, _out: string | undefined, _isDir: boolean): Promise<number> {
  throw new InputError(`暂不支持工作簿输入：${input} / workbook input is not supported yet`);
}
