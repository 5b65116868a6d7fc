/**
 * The input sheets' initial contents (workbook-layout.md "Input sheets"): tables with their headers,
 * number formats and frozen header rows, the data-validation lists, and optionally the bundled example.
 */
import {
  ACCEPTED_STATUS_LABELS,
  CITATIONS,
  BLANK_MEANS_NONE,
  BUILT_IN_POLICIES,
  BUILT_IN_POLICY_IDS,
  PARAMETER_KEYS,
  PARAMETER_NOTES,
  ParameterKey,
  policyParameters,
  resolvePolicy,
} from "../engine";
import { CellValue, SheetData, columnLetter } from "./grid";
import { ELEVATOR_COLUMNS, HOUSEHOLD_COLUMNS, POLICY_COLUMNS, PROJECT_COLUMNS, PROJECT_FIELDS, SHEETS, TABLES, YES_NO_CHOICES } from "./layout";
import { EXAMPLE_INPUT, ExampleInput } from "./example";
import { withInputPaper } from "./sheets/paper";

/** A drop-down list on a column range (Office.js `dataValidation.rule.list`, exceljs `cell.dataValidation`). */
export interface ValidationSpec {
  readonly sheet: string;
  /** A1 range, e.g. `H2:I1001`. */
  readonly range: string;
  readonly values: readonly string[];
  /**
   * `stop` refuses other values; `information` shows a note but accepts them (困难类别 may hold several
   * labels in one cell, and yes/no cells accept more spellings than the list offers).
   */
  readonly errorStyle: "stop" | "warning" | "information";
  readonly prompt: string;
  readonly error: string;
}

export interface TemplateOptions {
  /** Fill the sheets with the bundled example (examples/hongqiao-xincun.json). */
  readonly example?: boolean;
  /** Fill the sheets with this input instead (the CLI JSON shape; its project goes in the 概算 column). */
  readonly input?: ExampleInput;
  /** 决算 column values by field key (`costs.basic`, `area`, …), e.g. for a settled project. */
  readonly settlement?: Readonly<Record<string, number | string>>;
  /** Rows of 住户 that get the drop-downs (default 2,000, or the example's rows if more). */
  readonly validationRows?: number;
}

export interface Template {
  /** 政策参数, 项目信息, 住户, 加装电梯 — in that order. */
  readonly sheets: readonly SheetData[];
  readonly validations: readonly ValidationSpec[];
}

/**
 * 政策参数 from a policy member of the JSON input (`default` when absent). Only the keys the input
 * changes are filled; every other value is left blank, which keeps the base policy's value, so changing
 * just `base` does what users expect. The 说明 column says what a blank gives under each built-in base.
 * `cap.perSqm` is the exception: its blank means "no cap" (funding-rules §7), so it is filled with the
 * built-ins' 300 (equal to the base: not a change).
 */
function policySheet(spec: ExampleInput["policy"]): SheetData {
  const base = typeof spec === "object" && spec !== null ? String(spec.base ?? "default") : typeof spec === "string" ? spec : "default";
  const given = typeof spec === "object" && spec !== null ? spec : {};
  const resolved = resolvePolicy(spec ?? "default");
  if (!resolved.ok) throw new Error(`template policy is invalid: ${resolved.errors.map((e) => e.en).join("; ")}`);
  const params = policyParameters(resolved.value);
  const values: CellValue[][] = [POLICY_COLUMNS.map((c) => c.header)];
  values.push(["base", base, `基础政策，可用：${BUILT_IN_POLICY_IDS.join(" / ")}；下面各行留空=沿用基础政策的值，填写=改动该参数`]);
  for (const k of PARAMETER_KEYS) {
    const filled = Object.prototype.hasOwnProperty.call(given, k) || (k === "cap.perSqm" && params[k] !== null);
    values.push([k, filled ? params[k] : null, `${PARAMETER_NOTES[k]}。${blankNote(k)}`]);
  }
  return {
    name: SHEETS.policy,
    values,
    numberFormats: values.map((row, r) => row.map((_, c) => (r > 0 && c === 0 ? "@" : "General"))),
    columnWidths: POLICY_COLUMNS.map((c) => c.width),
    table: { name: TABLES.policy, top: 1, left: 1, columns: POLICY_COLUMNS.map((c) => c.header), rows: values.length - 1, totalsRow: false },
    freezeRows: 1,
    boldRows: [1],
    wrap: [`C2:C${values.length}`],
  };
}

/** What a blank value of a key gives: the base's value (listed per built-in), or "none". */
function blankNote(k: ParameterKey): string {
  if (BLANK_MEANS_NONE.has(k)) return "留空=不设（无）";
  const shown = (v: number | string | null) => (v === null ? "无" : String(v));
  return `留空=沿用基础政策：${BUILT_IN_POLICY_IDS.map((id) => `${id} 为 ${shown(policyParameters(BUILT_IN_POLICIES[id])[k])}`).join("，")}`;
}

/** 项目信息: one row per field; the example's figures go in the 概算 column. */
function projectSheet(example: ExampleInput | undefined, settlement?: Readonly<Record<string, number | string>>): SheetData {
  const values: CellValue[][] = [PROJECT_COLUMNS.map((c) => c.header)];
  const formats: string[][] = [PROJECT_COLUMNS.map(() => "General")];
  const p = example?.project;
  for (const f of PROJECT_FIELDS) {
    let v: CellValue = null;
    if (p !== undefined) {
      const parts = f.key.split(".");
      const raw = parts.length === 2 ? p.costs?.[parts[1] as "basic"] : (p as Record<string, unknown>)[f.key];
      v = raw === undefined ? null : (raw as CellValue);
    }
    values.push([f.key, f.label, v, settlement?.[f.key] ?? null]);
    formats.push(["@", "General", f.format, f.format]);
  }
  return {
    name: SHEETS.project,
    values,
    numberFormats: formats,
    columnWidths: PROJECT_COLUMNS.map((c) => c.width),
    table: { name: TABLES.project, top: 1, left: 1, columns: PROJECT_COLUMNS.map((c) => c.header), rows: values.length - 1, totalsRow: false },
    freezeRows: 1,
    boldRows: [1],
    // Text rows (name, payment account …) wrap in the 概算 / 决算 columns when printed.
    wrap: PROJECT_FIELDS.flatMap((f, i) => (f.kind === "text" ? [`C${i + 2}:D${i + 2}`] : [])),
  };
}

const yesNoText = (v: unknown): CellValue => (v === true ? "是" : v === false ? "否" : ((v as CellValue) ?? null));

/** 住户: headers, and the example's households (one blank row when empty: a table needs a data row). */
function householdSheet(example: ExampleInput | undefined): SheetData {
  const values: CellValue[][] = [HOUSEHOLD_COLUMNS.map((c) => c.header)];
  for (const h of example?.households ?? []) {
    values.push(
      HOUSEHOLD_COLUMNS.map((c) => {
        const v = (h as Record<string, unknown>)[c.key];
        if (c.kind === "yesno") return yesNoText(v);
        return v === undefined ? null : (v as CellValue);
      }),
    );
  }
  if (values.length === 1) values.push(HOUSEHOLD_COLUMNS.map(() => null));
  return {
    name: SHEETS.households,
    values,
    numberFormats: values.map((row, r) => row.map((_, c) => (r === 0 ? "General" : HOUSEHOLD_COLUMNS[c].format))),
    columnWidths: HOUSEHOLD_COLUMNS.map((c) => c.width),
    table: { name: TABLES.households, top: 1, left: 1, columns: HOUSEHOLD_COLUMNS.map((c) => c.header), rows: values.length - 1, totalsRow: false },
    freezeRows: 1,
    boldRows: [1],
    // 困难类别 and 备注 wrap when printed.
    wrap: ["status", "note"].map((k) => columnRange(k, values.length - 1)),
  };
}

/**
 * 加装电梯 (optional input, elevator-rules.md): headers, and the example's elevators (one blank row when
 * none: a table needs a data row; a workbook whose 加装电梯 has no rows has no elevators).
 */
function elevatorSheet(example: ExampleInput | undefined): SheetData {
  const values: CellValue[][] = [ELEVATOR_COLUMNS.map((c) => c.header)];
  for (const e of example?.elevators ?? []) values.push(ELEVATOR_COLUMNS.map((c) => ((e as Record<string, unknown>)[c.key] as CellValue) ?? null));
  if (values.length === 1) values.push(ELEVATOR_COLUMNS.map(() => null));
  return {
    name: SHEETS.elevators,
    values,
    numberFormats: values.map((row, r) => row.map((_, c) => (r === 0 ? "General" : ELEVATOR_COLUMNS[c].format))),
    columnWidths: ELEVATOR_COLUMNS.map((c) => c.width),
    table: { name: TABLES.elevators, top: 1, left: 1, columns: ELEVATOR_COLUMNS.map((c) => c.header), rows: values.length - 1, totalsRow: false },
    freezeRows: 1,
    boldRows: [1],
  };
}

function columnRange(key: string, rows: number): string {
  const c = columnLetter(HOUSEHOLD_COLUMNS.findIndex((x) => x.key === key) + 1);
  return `${c}2:${c}${rows + 1}`;
}

/**
 * The standard workbook's input sheets (加装电梯 included, empty unless the example has elevators), empty
 * or filled with the bundled example, and the drop-downs
 * for the yes/no columns (参与表决, 同意), the 困难类别 column and the policy `base` cell.
 * @example buildTemplate({ example: true }).sheets.map((s) => s.name) // ["政策参数", "项目信息", "住户", "加装电梯"]
 */
export function buildTemplate(options: TemplateOptions = {}): Template {
  const example = options.input ?? (options.example === true ? EXAMPLE_INPUT : undefined);
  // Page setup (src/workbook/sheets/paper.ts): A4, the header row on every page, one font.
  const sheets = [policySheet(example?.policy), projectSheet(example, options.settlement), householdSheet(example), elevatorSheet(example)].map(withInputPaper);
  const rows = Math.max(options.validationRows ?? 2000, (example?.households?.length ?? 0) + 100);
  const yesNo = `可填：是/否、TRUE/FALSE、1/0、Y/N、√/×、同意/不同意`;
  const validations: ValidationSpec[] = [
    {
      sheet: SHEETS.households,
      range: columnRange("participated", rows),
      values: YES_NO_CHOICES,
      errorStyle: "warning",
      prompt: yesNo,
      error: `应为 是/否。${yesNo}`,
    },
    {
      sheet: SHEETS.households,
      range: columnRange("agreed", rows),
      values: YES_NO_CHOICES,
      errorStyle: "warning",
      prompt: yesNo,
      error: `应为 是/否。${yesNo}`,
    },
    {
      sheet: SHEETS.households,
      range: columnRange("status", rows),
      values: ACCEPTED_STATUS_LABELS,
      errorStyle: "information",
      prompt: `困难类别；多个类别用“、”分隔，就高不就低 — ${CITATIONS.relief}`,
      error: `可用：${ACCEPTED_STATUS_LABELS.join("、")}；多个类别用“、”分隔`,
    },
    {
      sheet: SHEETS.policy,
      range: "B2:B2",
      values: BUILT_IN_POLICY_IDS,
      errorStyle: "stop",
      prompt: "基础政策",
      error: `可用：${BUILT_IN_POLICY_IDS.join(" / ")}`,
    },
  ];
  return { sheets, validations };
}
