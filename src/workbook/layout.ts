/**
 * The standard workbook layout (workbook-layout.md): sheet names, table names, column headers with
 * their English keys and aliases, number formats. The one place that knows the layout; the task pane
 * (Office.js) and the command line (exceljs) both read it from here.
 */

/** Sheet names. Input sheets belong to the user; output sheets are replaced whole on every run. */
export const SHEETS = {
  policy: "政策参数",
  project: "项目信息",
  households: "住户",
  result: "测算结果",
  summary: "资金汇总",
  audit: "计算说明",
  publicity: "公示",
  /** Optional input: one row per new elevator (elevator-rules.md). */
  elevators: "加装电梯",
  /** Output, when 加装电梯 has rows: each elevator's subsidy and every household's share. */
  elevatorShares: "电梯分摊",
} as const;

/** Excel table (ListObject) names. */
export const TABLES = {
  policy: "PolicyTable",
  project: "ProjectTable",
  households: "HouseholdTable",
  result: "ResultTable",
  elevators: "ElevatorTable",
  /** The per-elevator table of 电梯分摊. */
  elevatorResult: "ElevatorResultTable",
} as const;

/** Number formats (Excel format codes, also valid for Office.js `range.numberFormat`). */
export const FORMATS = {
  general: "General",
  money: "#,##0.00",
  area: "#,##0.00",
  /** Relief rates in 测算结果 (exact 0% / 70% / 100%). */
  ratio: "0%",
  /** Collection and vote ratios, written floored to 0.01% (engine `displayRatio`): never a 100% not reached. */
  percent: "0.00%",
  integer: "0",
  text: "@",
} as const;

/** What a column holds, i.e. how its cells are converted for the engine. */
export type ColumnKind = "text" | "number" | "yesno" | "status";

/** One input column: the Chinese header, the English key (also accepted as header) and aliases. */
export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly aliases: readonly string[];
  readonly required: boolean;
  readonly kind: ColumnKind;
  /** Number format the template gives the column. */
  readonly format: string;
  /** Column width in characters for the template. */
  readonly width: number;
}

const col = (key: string, header: string, aliases: string[], required: boolean, kind: ColumnKind, format: string, width: number): ColumnSpec => ({
  key,
  header,
  aliases,
  required,
  kind,
  format,
  width,
});

/**
 * 住户 (HouseholdTable) columns, in template order (workbook-layout.md). Widths: the fourteen columns
 * print on one landscape A4 page at 100% (Σ ≤ 138 units; 困难类别 and 备注 wrap).
 */
export const HOUSEHOLD_COLUMNS: readonly ColumnSpec[] = [
  col("id", "房号", ["户号", "门牌号"], true, "text", FORMATS.text, 9),
  col("owner", "户主", ["姓名", "业主"], false, "text", FORMATS.general, 10),
  col("area", "建筑面积", ["面积", "房屋面积"], true, "number", FORMATS.area, 10),
  col("exclusiveArea", "专有面积", ["专有部分面积"], false, "number", FORMATS.area, 10),
  col("weight", "分摊系数", ["权重"], false, "number", FORMATS.general, 9),
  col("status", "困难类别", ["救助类别", "身份类别"], false, "status", FORMATS.general, 14),
  col("paid", "已缴金额", ["已缴", "实缴金额"], false, "number", FORMATS.money, 12),
  col("participated", "参与表决", ["参与"], false, "yesno", FORMATS.general, 9),
  col("agreed", "同意", ["同意改造"], false, "yesno", FORMATS.general, 6),
  col("note", "备注", [], false, "text", FORMATS.general, 10),
  // elevator-rules.md §4: the unit whose new elevator the household shares, its floor, an agreed weight.
  col("unit", "单元", ["电梯单元"], false, "text", FORMATS.text, 10),
  col("floor", "楼层", ["所在楼层", "层"], false, "number", FORMATS.integer, 6),
  col("elevatorWeight", "电梯分摊权重", [], false, "number", FORMATS.general, 12),
  col("elevatorPaid", "电梯已缴", ["电梯已缴金额"], false, "number", FORMATS.money, 11),
];

/** 加装电梯 (ElevatorTable, optional) columns: one row per new elevator (elevator-rules.md). */
export const ELEVATOR_COLUMNS: readonly ColumnSpec[] = [
  col("unit", "单元", ["电梯单元"], true, "text", FORMATS.text, 14),
  col("storeys", "层数", ["楼层数", "总层数"], true, "number", FORMATS.integer, 6),
  col("cost", "造价", ["电梯造价", "加装费用"], true, "number", FORMATS.money, 14),
  col("maintenanceFund", "维修资金", ["专项维修资金", "住宅专项维修资金"], false, "number", FORMATS.money, 14),
  col("otherFunds", "其他资金", [], false, "number", FORMATS.money, 12),
  col("subsidy", "补助金额", ["核定补助金额", "核定补助"], false, "number", FORMATS.money, 14),
  col("note", "备注", [], false, "text", FORMATS.general, 24),
];

/** 政策参数 (PolicyTable) columns: key / value rows. */
export const POLICY_COLUMNS: readonly ColumnSpec[] = [
  col("key", "参数", [], true, "text", FORMATS.text, 34),
  col("value", "值", [], true, "text", FORMATS.general, 24),
  col("note", "说明", [], false, "text", FORMATS.general, 52),
];

/**
 * 项目信息 (ProjectTable) columns: one row per field, two stages side by side. Only 概算 is required:
 * a row is identified by its 字段 key or, without that column, by its 项目 label (one of the two
 * columns must be there); no 决算 column = 概算 only.
 */
export const PROJECT_COLUMNS: readonly ColumnSpec[] = [
  col("key", "字段", [], false, "text", FORMATS.text, 20),
  col("label", "项目", [], false, "text", FORMATS.general, 34),
  col("estimate", "概算", [], true, "number", FORMATS.money, 18),
  col("settlement", "决算", [], false, "number", FORMATS.money, 18),
];

/** Keys of the project rows (engine JSON paths under `project`). */
export type ProjectFieldKey = "name" | "area" | "costs.basic" | "costs.improvement" | "costs.enhancement" | "socialCapital" | "elevatorCost" | NoticeFieldKey;

/** Optional 项目信息 rows printed on the payment notices (缴费通知); never required, never engine input. */
export type NoticeFieldKey = "paymentAccount" | "paymentDeadline" | "officerContact";

export interface ProjectFieldSpec {
  readonly key: ProjectFieldKey;
  readonly label: string;
  readonly kind: "text" | "number";
  readonly format: string;
  /** A cost cell: the filled cost cells decide the stage (决算 when any is filled). */
  readonly cost: boolean;
  /** Printed on the payment notices only: optional text, not part of the calculation. */
  readonly notice?: boolean;
}

/** 项目信息 rows, in template order. A row is found by its 字段 key or by its 项目 label. */
export const PROJECT_FIELDS: readonly ProjectFieldSpec[] = [
  { key: "name", label: "项目名称", kind: "text", format: FORMATS.general, cost: false },
  { key: "area", label: "改造建筑面积（m²，含公摊）", kind: "number", format: FORMATS.area, cost: false },
  { key: "costs.basic", label: "基础类费用（元）", kind: "number", format: FORMATS.money, cost: true },
  { key: "costs.improvement", label: "完善类费用（元）", kind: "number", format: FORMATS.money, cost: true },
  { key: "costs.enhancement", label: "提升类费用（元）", kind: "number", format: FORMATS.money, cost: true },
  { key: "socialCapital", label: "社会资金（元）", kind: "number", format: FORMATS.money, cost: false },
  { key: "elevatorCost", label: "加装电梯费用（元，不计入总投资）", kind: "number", format: FORMATS.money, cost: false },
  { key: "paymentAccount", label: "缴费账户或地点（通知单用，可空）", kind: "text", format: FORMATS.general, cost: false, notice: true },
  { key: "paymentDeadline", label: "缴费截止日期（通知单用，可空）", kind: "text", format: FORMATS.general, cost: false, notice: true },
  { key: "officerContact", label: "经办人及联系电话（通知单用，可空）", kind: "text", format: FORMATS.general, cost: false, notice: true },
];

/** The two stages of the project sheet. */
export type Stage = "estimate" | "settlement";
export const STAGE_LABELS: Readonly<Record<Stage, string>> = { estimate: "概算", settlement: "决算" };

/** 测算结果 (ResultTable) headers, in order. */
export const RESULT_HEADERS: readonly string[] = [
  "房号",
  "户主",
  "建筑面积",
  "基础类分摊",
  "完善类分摊",
  "提升类分摊",
  "应分摊合计",
  "救助比例",
  "临时救助",
  "送温暖补助",
  "应缴金额",
  "已缴金额",
  "应补(退)金额",
  "结算状态",
];

/**
 * Labels of a total row typed under the household data (`合计`, `总计`, `小计`, `Total`, `Sum`), compared
 * after `normalizeLabel`: so `合 计`, `合\u3000计` (a full-width space) and ` TOTAL ` match too.
 */
export const TOTAL_LABELS: readonly string[] = ["合计", "总计", "小计", "total", "sum"];

/** NFKC (full-width → half-width), lower case, every space removed. */
export function normalizeLabel(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** True when a 房号 cell holds a total label (the row is a total row, not a household). */
export function isTotalLabel(v: unknown): boolean {
  return typeof v === "string" && TOTAL_LABELS.includes(normalizeLabel(v));
}

/** Yes/no values offered by the template's drop-down (any value of funding-rules.md §5 is accepted). */
export const YES_NO_CHOICES: readonly string[] = ["是", "否"];

/**
 * Header normalisation used to match columns: full-width → half-width (NFKC), case-insensitive,
 * whitespace removed, and a trailing unit in brackets dropped (`建筑面积（m²）` matches `建筑面积`).
 */
export function normalizeHeader(text: string): string {
  let s = normalizeLabel(text);
  // Drop trailing bracketed units, repeatedly: "费用(元)(含税)" → "费用".
  for (;;) {
    const t = s.replace(/\([^()]*\)$/, "");
    if (t === s || t === "") break;
    s = t;
  }
  return s;
}

/**
 * The bracketed suffixes `normalizeHeader` drops (`基础类费用（万元）` → `["万元"]`), after NFKC. Used to
 * refuse a unit the reader cannot honour (万元: amounts are read in 元).
 */
export function headerUnits(text: string): string[] {
  let s = normalizeLabel(text);
  const units: string[] = [];
  for (;;) {
    const m = /\(([^()]*)\)$/.exec(s);
    if (m === null || m.index === 0) break;
    units.unshift(m[1]);
    s = s.slice(0, m.index);
  }
  return units;
}

/** True when a header or label states its amounts in 万元 (ten-thousands), which the reader refuses. */
export function isWanYuan(text: string): boolean {
  return headerUnits(text).some((u) => /万/.test(u));
}

/** Every text a column is recognised by: its header, its English key and its aliases (normalised). */
export function columnNames(spec: ColumnSpec): string[] {
  return [spec.header, spec.key, ...spec.aliases].map(normalizeHeader);
}
