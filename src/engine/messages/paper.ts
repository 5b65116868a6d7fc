/**
 * Messages of the paper outputs (issue 12): payment notices (缴费通知) from the task pane and the command line.
 */
import { text } from "./define";

export const PAPER_MESSAGES = {
  "notices.noHouseholds": text(
    () => "住户表为空，没有可生成缴费通知单的住户",
    () => "the household table is empty: there is no household to make a payment notice for",
  ),
  "notices.tooLong": text<{ perPage: number }>(
    (p) => `缴费通知单的内容（缴费账户或地点、经办人等）过长，每页 ${p.perPage} 份放不下；请缩短项目信息中的这些文字，或改为每页 2 份`,
    (p) =>
      `the payment notice's texts (payment account or place, officer …) are too long for ${p.perPage} notices to a page; shorten them in 项目信息, or print 2 to a page`,
  ),
  "notices.done": text<{ count: number; perPage: number; file: string }>(
    (p) => `已生成 ${p.count} 份缴费通知单（每页 ${p.perPage} 份）：${p.file}`,
    (p) => `${p.count} payment notices written (${p.perPage} to a page): ${p.file}`,
  ),
  "cli.noticesInput": text<{ file: string }>(
    (p) => `--notices 需要一个项目的工作簿（.xlsx），不能是文件夹或 JSON：${p.file}`,
    (p) => `--notices needs one project's workbook (.xlsx), not a folder or JSON: ${p.file}`,
  ),
  "cli.noticesOut": text<{ file: string }>(
    (p) => `缴费通知单应写入 .xlsx 文件：${p.file}`,
    (p) => `payment notices are written to an .xlsx file: ${p.file}`,
  ),
  "cli.perPage": text<{ found: string }>(
    (p) => `--per-page 应为 2 或 4，实为“${p.found}”`,
    (p) => `--per-page must be 2 or 4, found "${p.found}"`,
  ),
  "cli.perPageWithoutNotices": text(
    () => "--per-page 只能与 --notices 一起使用",
    () => "--per-page is used with --notices only",
  ),
} as const;
