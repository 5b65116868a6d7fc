/**
 * RENO.* custom functions (issue #4). Each is a thin, cheap wrapper: validate every argument, call the
 * engine, return numbers rounded to the fen — or ONE #VALUE! with a short Chinese message naming the
 * argument and row. They never call Excel APIs (office-platform.md: keep functions cheap in a shared
 * runtime) and never throw.
 *
 * The JSDoc below is the metadata: custom-functions-metadata-plugin turns it into dist/functions.json
 * (Chinese, the default locale) and appends `CustomFunctions.associate(id, fn)` for each function;
 * scripts/functions-locale-plugin.js writes the English overrides (functions-en-us.json) from
 * src/functions/functions-en-us.texts.json. Ids never change (office-platform.md: localization).
 * Omitted optional arguments arrive as null.
 */
import { allocateOf } from "./allocate";
import { toCell } from "./excel";
import { householdsOf, reliefRateOf } from "./households";
import { approvalPathOf, fundingRowOf, residentShareOf, subsidyOf } from "./project";
import { voteOf } from "./vote";
import { elevatorSharesOf, elevatorSubsidyOf } from "./elevator";

/**
 * 居民自筹基数 R0：按改造内容加权计算（默认基础类10%、完善类30%、提升类70%），元，精确到分。
 * @customfunction RESIDENTSHARE
 * @param basic 基础类改造费用（元，≥0）
 * @param improvement 完善类改造费用（元，≥0）
 * @param enhancement 提升类改造费用（元，≥0）
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {number} 居民自筹基数（元）
 */
export function residentShare(basic: number, improvement: number, enhancement: number, policy?: any[][]) {
  return toCell(() => residentShareOf(basic, improvement, enhancement, policy));
}

/**
 * 财政补助资金 F：总投资扣除居民自筹基数和社会资金后的余额，不超过每平方米上限（默认300元/m²），元。
 * @customfunction SUBSIDY
 * @param basic 基础类改造费用（元，≥0）
 * @param improvement 完善类改造费用（元，≥0）
 * @param enhancement 提升类改造费用（元，≥0）
 * @param area 改造建筑面积（m²，含公摊，>0）
 * @param [social] 社会资金（元，≥0）；省略为0
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {number} 财政补助资金（元）
 */
export function subsidy(basic: number, improvement: number, enhancement: number, area: number, social?: number, policy?: any[][]) {
  return toCell(() => subsidyOf(basic, improvement, enhancement, area, social, policy));
}

/**
 * 资金测算一行7列：总投资T、居民自筹基数R0、超上限居民自理X、居民自筹合计R、社会资金S、财政补助F、每平方米财政补助（元）。
 * @customfunction FUNDING
 * @param basic 基础类改造费用（元，≥0）
 * @param improvement 完善类改造费用（元，≥0）
 * @param enhancement 提升类改造费用（元，≥0）
 * @param area 改造建筑面积（m²，含公摊，>0）
 * @param [social] 社会资金（元，≥0）；省略为0
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {number[][]} 一行7列：T、R0、X、R、S、F、每平方米F
 */
export function funding(basic: number, improvement: number, enhancement: number, area: number, social?: number, policy?: any[][]) {
  return toCell(() => fundingRowOf(basic, improvement, enhancement, area, social, policy));
}

/**
 * 困难类别的临时救助比例：多种类别就高不就低，空白为0（生活困难职工另得送温暖补助，比例为0）。
 * @customfunction RELIEFRATE
 * @param status 困难类别，如 低保户、特困供养人员；多个类别用顿号、逗号或空格分隔
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {number} 救助比例（0到1）
 */
export function reliefRateFn(status: any, policy?: any[][]) {
  return toCell(() => reliefRateOf(status, policy));
}

/**
 * 按最大余数法把金额分摊到一列权重：先各份舍到分，余下的分依次给舍去部分最大的行（相同时靠前的行优先），合计恰好等于总额。
 * @customfunction ALLOCATE
 * @param total 要分摊的总额（元，≥0）
 * @param weights 分摊权重（一列，≥0），如各户建筑面积
 * @returns {number[][]} 与权重同高的一列金额（元）
 */
export function allocateFn(total: number, weights: any[][]) {
  return toCell(() => allocateOf(total, weights));
}

/**
 * 每户一行4列：应分摊额、临时救助、送温暖补助、应缴净额（元）。居民自筹按各类别分别按面积以最大余数法分摊到户。
 * @customfunction HOUSEHOLDS
 * @param areas 各户建筑面积（一列，m²，>0）
 * @param statuses 各户困难类别（一列，与面积同高，可空白）
 * @param basic 基础类改造费用（元，≥0）
 * @param improvement 完善类改造费用（元，≥0）
 * @param enhancement 提升类改造费用（元，≥0）
 * @param area 项目改造建筑面积（m²，含公摊，>0）
 * @param [social] 社会资金（元，≥0）；省略为0
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {number[][]} 每户一行：应分摊额、临时救助、送温暖补助、应缴净额
 */
export function households(
  areas: any[][],
  statuses: any[][],
  basic: number,
  improvement: number,
  enhancement: number,
  area: number,
  social?: number,
  policy?: any[][],
) {
  return toCell(() => householdsOf(areas, statuses, basic, improvement, enhancement, area, social, policy));
}

/**
 * 居民表决一行6列：参与是否通过（双三分之二）、同意是否通过（双四分之三）、参与面积比、参与户数比、同意面积比、同意户数比。
 * @customfunction VOTE
 * @param areas 各户专有面积（一列，m²，>0；没有专有面积时用建筑面积）
 * @param participated 各户是否参与表决（一列：是/否、TRUE/FALSE、1/0、√/×；空白为否）
 * @param agreed 各户是否同意改造（一列：同意/不同意、是/否、TRUE/FALSE 等；空白为否）
 * @returns {any[][]} 一行6列：参与通过、同意通过、参与面积比、参与户数比、同意面积比、同意户数比
 */
export function vote(areas: any[][], participated: any[][], agreed: any[][]) {
  return toCell(() => voteOf(areas, participated, agreed));
}

/**
 * 按总投资额确定审批路径：1000万元以下三合一，2000万元以下二合一，以上分别编制审批。
 * @customfunction APPROVALPATH
 * @param total 总投资额（元，≥0，不含加装电梯）
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域；省略为 default
 * @returns {string} 审批路径
 */
export function approvalPathFn(total: number, policy?: any[][]) {
  return toCell(() => approvalPathOf(total, policy));
}

/**
 * 加装电梯政府补助：按政策的补助方式（不补助、定额、按造价比例并封顶、按层数）和最低层数计算一台电梯的补助，不超过造价，元。
 * @customfunction ELEVATORSUBSIDY
 * @param cost 电梯造价（元，≥0）
 * @param storeys 电梯服务层数（2到200的整数）
 * @param [policy] 政策：内置编号 default 或 yueqing-2023，或“参数、值”两列区域（elevator.subsidy.mode 等）；省略为 default（不补助）
 * @returns {number} 政府补助（元）
 */
export function elevatorSubsidyFn(cost: number, storeys: number, policy?: any[][]) {
  return toCell(() => elevatorSubsidyOf(cost, storeys, policy));
}

/**
 * 加装电梯每户分摊：业主分摊 = 造价 − 补助 − 维修资金 − 其他资金，按楼层系数×建筑面积以最大余数法分摊到户，合计恰好等于业主分摊。
 * @customfunction ELEVATORSHARES
 * @param cost 电梯造价（元，≥0）
 * @param storeys 电梯服务层数（2到200的整数）
 * @param floors 各户所在楼层（一列，1到层数的整数）
 * @param areas 各户建筑面积（一列，与楼层同高，m²，>0）
 * @param [maintenanceFund] 使用的住宅专项维修资金（元，≥0）；省略为0
 * @param [otherFunds] 其他资金（捐资等，元，≥0）；省略为0
 * @param [policy] 政策：内置编号或“参数、值”两列区域（elevator.subsidy.*、elevator.floorCoefficients、elevator.weight）；省略为 default
 * @returns {number[][]} 与楼层同高的一列分摊额（元）
 */
export function elevatorShares(
  cost: number,
  storeys: number,
  floors: any[][],
  areas: any[][],
  maintenanceFund?: number,
  otherFunds?: number,
  policy?: any[][],
) {
  return toCell(() => elevatorSharesOf(cost, storeys, floors, areas, maintenanceFund, otherFunds, policy));
}
