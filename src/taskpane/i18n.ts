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
  tooOld: (min: string) => `Excel 版本过旧：需要支持 ExcelApi ${min} 及以上（Excel 2016 批量许可版更新后、Excel 2019/2021/LTSC、Microsoft 365 或网页版）。`,
  degraded: "当前 Excel 版本不支持部分功能（冻结窗格、下拉列表、暂停计算或打印设置），测算结果不受影响。",
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
  calcHint: "读取 政策参数、项目信息、住户，全部校验通过后写入 测算结果、资金汇总、计算说明（输入表不会被修改）。",
  phase: { read: "正在读取输入表…", validate: "正在校验并计算…", write: "正在写入结果表…" } as Record<"read" | "validate" | "write", string>,
  errorsHeading: (n: number) => `输入问题（${n}）`,
  moreErrors: (n: number) => `另有 ${n} 个问题未列出，请先修正以上问题。`,
  // Summary
  summaryHeading: "测算结果摘要",
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
  voteResult: (participation: boolean, approval: boolean) =>
    `参与${participation ? "通过" : "未通过"}（双三分之二）；同意${approval ? "通过" : "未通过"}（双四分之三）`,
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
  publicityStart: "公示开始日期",
  publicityEnd: "结束日期（可空：自动取第 7 个工作日；扣除法定节假日，计入调休上班日）",
  publisher: "公示单位（可空）",
  publicity: "生成公示表",
  publicityDone: (start: string, end: string, n: number) => `已写入“公示”：${n} 户，公示期 ${start} 至 ${end}。不含户主姓名和困难类别。`,
  // Errors
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Old-community renovation funding",
  subtitle: "Every household's share, relief and balance, and the project's funding, in one click",
  loading: "Connecting to Excel…",
  tooOld: (min) => `Excel is too old: ExcelApi ${min} or later is needed (updated Excel 2016, Excel 2019/2021/LTSC, Microsoft 365 or the web).`,
  degraded: "This Excel lacks some features (frozen panes, drop-downs, calculation suspension or print setup); results are not affected.",
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
  policyDefaultNoSheet: "The workbook has no 政策参数 sheet: the default policy applies.",
  policyBuiltIn: (id) => `Built-in policy ${id}; the workbook's 政策参数 sheet is not used for this run.`,
  noCap: "no cap",
  paramKey: "Key",
  paramValue: "Value",
  changed: "changed",
  runHeading: "3. Calculate",
  calculate: "Calculate / settle",
  check: "Check",
  calcHint: "Reads 政策参数, 项目信息 and 住户; only when everything is valid writes 测算结果, 资金汇总 and 计算说明 (input sheets are never changed).",
  phase: { read: "Reading the input sheets…", validate: "Validating and calculating…", write: "Writing the result sheets…" },
  errorsHeading: (n) => `Input problems (${n})`,
  moreErrors: (n) => `${n} more problem(s) not listed; fix the ones above first.`,
  summaryHeading: "Summary",
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
  voteResult: (participation, approval) =>
    `participation ${participation ? "passed" : "failed"} (two-thirds); approval ${approval ? "passed" : "failed"} (three-quarters)`,
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
  publicityStart: "Publicity starts",
  publicityEnd: "Ends (blank: the 7th working day; statutory holidays excluded, 调休 working weekends counted)",
  publisher: "Published by (optional)",
  publicity: "Make publicity sheet",
  publicityDone: (start, end, n) => `Wrote 公示: ${n} households, ${start} to ${end}. No owners' names or hardship statuses.`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

/** A message of the catalogue in the pane's language (engine/messages: one wording everywhere). */
export function say<C extends MessageCode>(lang: Lang, code: C, ...args: MessageArgs<C>): string {
  return message(code, ...args)[lang];
}
