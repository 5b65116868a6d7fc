/**
 * The task pane's words, Chinese by default and English when Office's display language is English.
 * Messages about cells come from the engine's and the layout's catalogues (each error has zh and en).
 */
import { APPROVAL_PATH_TEXTS, ApprovalPathKind, BuiltInPolicyId, MessageArgs, MessageCode, POLICY_NAMES, message } from "../engine";
import type { Lang } from "../excel/environment";
import type { Stage } from "../workbook";

export type { Lang };

const zh = {
  title: "老旧小区改造资金测算",
  subtitle: "一键测算每户分摊、救助、应补退与项目资金构成",
  // Start-up
  loading: "正在连接 Excel…",
  legacyPane: "兼容版任务窗格（Internet Explorer 11 / 旧版 Edge 内核）",
  // Workbook
  workbookHeading: "1. 测算工作簿",
  withExample: "填入示例数据（虹桥新村，40 户）",
  create: "新建测算工作簿",
  // Policy
  policyHeading: "2. 政策",
  policyLabel: "测算政策",
  policyWorkbook: "工作簿中的“政策参数”表",
  policyName: (id: BuiltInPolicyId) => POLICY_NAMES[id],
  policyInForce: "生效参数",
  policyBrief: (rates: string, cap: string) => `居民出资比例 ${rates}，补助上限 ${cap}（展开查看全部生效参数）`,
  policyFromSheet: (id: string) => `来自“政策参数”表（${id === "custom" ? "已改动基础政策" : id}）`,
  policyBase: (base: string) => `基础政策 ${base}`,
  overridesNone: (base: string) => `各行均沿用基础政策 ${base}（“值”列留空或与基础政策相同）。`,
  overrides: (n: number, base: string) => `改动了基础政策 ${base} 的 ${n} 行：`,
  overrideRow: (key: string, value: string, baseValue: string) => `${key} = ${value}（基础政策为 ${baseValue}）`,
  baseColumn: "基础政策",
  policyDefaultNoSheet: "工作簿中没有“政策参数”表，使用默认政策。",
  policyBuiltIn: (id: string) => `内置政策 ${id}；工作簿中的“政策参数”表不参与本次测算。`,
  noCap: "不设上限",
  paramKey: "参数",
  paramValue: "值",
  changed: "已改动",
  // Run
  runHeading: "3. 测算",
  calculate: "计算 / 结算",
  check: "检查",
  calcHint: "读取 政策参数、项目信息、住户（和 加装电梯），全部校验通过后写入 测算结果、资金汇总、计算说明（有电梯时还有 电梯分摊；输入表不会被修改）。",
  phase: { read: "正在读取输入表…", validate: "正在校验并计算…", write: "正在写入结果表…" } as Record<"read" | "validate" | "write", string>,
  errorsHeading: (n: number) => `输入问题（${n}）`,
  moreErrors: (n: number) => `另有 ${n} 个问题未列出，请先修正以上问题。`,
  // Summary
  summaryHeading: "测算结果摘要",
  staleSummary: "上次成功测算的结果：之后的操作未通过，本卡片未更新",
  stage: (s: Stage): string => (s === "settlement" ? "决算" : "概算"),
  total: "总投资 T",
  resident: "居民自筹 R",
  social: "社会资金 S",
  fiscal: "财政补助 F",
  fiscalPerSqm: "每平方米财政补助",
  collection: "到位比例",
  fullyCollected: "自筹资金已全部到位",
  notFullyCollected: "未全部到位",
  households: "户数",
  vote: "居民表决",
  /** The two clauses of the vote line; each is kept on one line (never broken inside （双四分之三）). */
  voteClauses: (participation: boolean, approval: boolean): [string, string] => [
    `参与${participation ? "通过" : "未通过"}（双三分之二）；`,
    `同意${approval ? "通过" : "未通过"}（双四分之三）`,
  ],
  noVote: "未填写表决情况",
  approvalPath: "审批路径",
  approval: (kind: ApprovalPathKind): string => APPROVAL_PATH_TEXTS[kind].zh,
  policyUsed: "政策",
  stagesHeading: "概算与决算",
  estimate: "概算",
  settlement: "决算",
  difference: "差额（决算−概算）",
  yuan: "元",
  perSqm: "元/m²",
  // Publicity
  publicityHeading: "4. 公示表",
  publicityStart: "公示开始日期（年-月-日）",
  publicityEnd: "结束日期（可空：自动取第 7 个工作日；扣除法定节假日，计入调休上班日）",
  dateExample: "例如 2026-11-30 或 2026年11月30日。",
  dateShown: (text: string) => `即 ${text}`,
  publisher: "公示单位（可空）",
  publicity: "生成公示表",
  publicityDone: (start: string, end: string, n: number) => `已写入“公示”：${n} 户，公示期 ${start} 至 ${end}。不含户主姓名和困难类别。`,
  // Payment notices
  noticesHeading: "5. 缴费通知单",
  noticesHint: "每户一份（有加装电梯时含电梯应缴），不印困难类别；缴费方式、截止日期、经办人取自 项目信息 表。A4 纵向，打印后沿虚线裁开。",
  perPage: "每页份数",
  perPageOption: (n: 2 | 4): string => (n === 2 ? "每页 2 份（A5 大小）" : "每页 4 份（A6 大小）"),
  notices: "生成缴费通知单",
  noticesDone: (n: number, perPage: number, pages: number) => `已写入“缴费通知”：${n} 份，每页 ${perPage} 份，共 ${pages} 页。`,
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Old-community renovation funding",
  subtitle: "Every household's share, relief and balance, and the project's funding, in one click",
  loading: "Connecting to Excel…",
  legacyPane: "Legacy task pane (Internet Explorer 11 / old Edge engine)",
  workbookHeading: "1. Workbook",
  withExample: "Fill in the example (Hongqiao Xincun, 40 households)",
  create: "New workbook",
  policyHeading: "2. Policy",
  policyLabel: "Policy",
  policyWorkbook: "The workbook's 政策参数 sheet",
  policyName: (id) => (id === "default" ? "default (Yueqing co-funding and cap + Fujian relief and grant)" : "yueqing-2023 (no relief)"),
  policyInForce: "Parameters in force",
  policyBrief: (rates, cap) => `resident shares ${rates}, subsidy cap ${cap} (expand for every parameter in force)`,
  policyFromSheet: (id) => `From the 政策参数 sheet (${id === "custom" ? "base policy changed" : id})`,
  policyBase: (base) => `base policy ${base}`,
  overridesNone: (base) => `Every row keeps the base policy ${base} (value blank or equal to the base's).`,
  overrides: (n, base) => `${n} row(s) change the base policy ${base}:`,
  overrideRow: (key, value, baseValue) => `${key} = ${value} (base: ${baseValue})`,
  baseColumn: "Base",
  policyDefaultNoSheet: "The workbook has no 政策参数 sheet: the default policy applies.",
  policyBuiltIn: (id) => `Built-in policy ${id}; the workbook's 政策参数 sheet is not used for this run.`,
  noCap: "no cap",
  paramKey: "Key",
  paramValue: "Value",
  changed: "changed",
  runHeading: "3. Calculate",
  calculate: "Calculate / settle",
  check: "Check",
  calcHint:
    "Reads 政策参数, 项目信息 and 住户 (and 加装电梯); only when everything is valid writes 测算结果, 资金汇总 and 计算说明 (and 电梯分摊 when there are elevators; input sheets are never changed).",
  phase: { read: "Reading the input sheets…", validate: "Validating and calculating…", write: "Writing the result sheets…" },
  errorsHeading: (n) => `Input problems (${n})`,
  moreErrors: (n) => `${n} more problem(s) not listed; fix the ones above first.`,
  summaryHeading: "Summary",
  staleSummary: "Last successful run: a later action did not pass, so this card was not updated",
  stage: (s) => (s === "settlement" ? "final settlement" : "estimate"),
  total: "Total investment T",
  resident: "Residents R",
  social: "Social capital S",
  fiscal: "Fiscal subsidy F",
  fiscalPerSqm: "Fiscal subsidy per m²",
  collection: "Collection rate",
  fullyCollected: "fully collected",
  notFullyCollected: "not fully collected",
  households: "Households",
  vote: "Resident vote",
  voteClauses: (participation, approval) => [
    `participation ${participation ? "passed" : "failed"} (two-thirds);`,
    `approval ${approval ? "passed" : "failed"} (three-quarters)`,
  ],
  noVote: "no vote recorded",
  approvalPath: "Approval path",
  approval: (kind) => APPROVAL_PATH_TEXTS[kind].en,
  policyUsed: "Policy",
  stagesHeading: "Estimate and settlement",
  estimate: "Estimate",
  settlement: "Settlement",
  difference: "Difference (settlement − estimate)",
  yuan: "CNY",
  perSqm: "CNY/m²",
  publicityHeading: "4. Publicity sheet",
  publicityStart: "Publicity starts (year-month-day)",
  publicityEnd: "Ends (blank: the 7th working day; statutory holidays excluded, 调休 working weekends counted)",
  publisher: "Published by (optional)",
  dateExample: " For example 2026-11-30.",
  dateShown: (text) => `= ${text}`,
  publicity: "Make publicity sheet",
  publicityDone: (start, end, n) => `Wrote 公示: ${n} households, ${start} to ${end}. No owners' names or hardship statuses.`,
  noticesHeading: "5. Payment notices",
  noticesHint:
    "One per household (with its elevator share when there are new elevators), no hardship status; where and until when to pay and whom to ask come from 项目信息. A4 portrait, cut along the dashed lines.",
  perPage: "Notices per page",
  perPageOption: (n) => (n === 2 ? "2 per page (A5 each)" : "4 per page (A6 each)"),
  notices: "Make payment notices",
  noticesDone: (n, perPage, pages) => `Wrote 缴费通知: ${n} notices, ${perPage} to a page, ${pages} page(s).`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

/** A message of the catalogue in the pane's language (engine/messages: one wording everywhere). */
export function say<C extends MessageCode>(lang: Lang, code: C, ...args: MessageArgs<C>): string {
  return message(code, ...args)[lang];
}
