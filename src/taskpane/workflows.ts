/**
 * What the task pane's buttons do, on any `WorkbookPort` (Office.js in Excel, a fake in tests):
 * 新建 (template), 政策 (parameters in force), 检查 (problems with their cells), 计算 (three output
 * sheets), 公示. Reading, validation and every number come from the shared layout module and the engine;
 * this module only sequences them, and never writes unless the whole input is valid.
 */
import Decimal from "decimal.js";
import {
  BUILT_IN_POLICIES,
  BuiltInPolicyId,
  CalcResult,
  Dec,
  ENGINE_VERSION,
  ParameterKey,
  Policy,
  fenToText,
  policyParameters,
} from "../engine";
import {
  CalendarDate,
  InputKind,
  SHEETS,
  SheetGrid,
  Stage,
  TABLES,
  WorkbookError,
  WorkbookRead,
  buildOutputSheets,
  buildPublicitySheet,
  buildTemplate,
  locateTable,
  moneyText,
  publicityEndDate,
  readInputs,
  readPolicyGrid,
} from "../workbook";
import { NameTakenError, TableRequest, WorkbookInfo, WorkbookPort } from "../excel/port";

/** Which policy a run uses: one of the built-ins, or the workbook's 政策参数 sheet. */
export type PolicyChoice = { readonly kind: "workbook" } | { readonly kind: "builtin"; readonly id: BuiltInPolicyId };

/** The add-in version written to 计算说明. */
export const ADDIN_VERSION = `reno-funding ${ENGINE_VERSION}（任务窗格）`;

/** Phases of a run, for the progress indicator. */
export type Phase = "read" | "validate" | "write";
export type PhaseListener = (phase: Phase, done: number, total: number) => void;

/** One stage's project figures, as the engine's exact values written with two decimals. */
export interface StageFigures {
  readonly stage: Stage;
  /** 总投资 T. */
  readonly total: string;
  /** 居民自筹 R. */
  readonly resident: string;
  /** 社会资金 S. */
  readonly social: string;
  /** 财政补助 F. */
  readonly fiscal: string;
  /** F per m². */
  readonly fiscalPerSqm: string;
  readonly approvalPath: string;
}

/** The summary card after a run. */
export interface RunSummary {
  readonly projectName?: string;
  readonly stage: Stage;
  readonly figures: StageFigures;
  /** The other stage when both 概算 and 决算 are filled, and 决算 − 概算 of T and F. */
  readonly other?: StageFigures;
  readonly difference?: { readonly total: string; readonly fiscal: string };
  readonly households: number;
  /** `97.35%`, floored to 0.01% so that 99.996% never shows as 100%. */
  readonly collectionRate?: string;
  readonly fullyCollected?: boolean;
  readonly net?: string;
  readonly paid?: string;
  readonly vote?: { readonly participationPassed: boolean; readonly approvalPassed: boolean };
  readonly policyId: string;
  readonly sheets: readonly string[];
}

export type RunOutcome =
  | { readonly kind: "done"; readonly summary: RunSummary; readonly read: WorkbookRead }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[] };

export type CreateOutcome = { readonly kind: "created"; readonly sheets: readonly string[] } | { readonly kind: "taken"; readonly names: readonly string[] };

export interface PolicyView {
  readonly id: string;
  readonly base: string;
  /** Keys changed from the base (the 政策参数 sheet's own values). */
  readonly overridden: readonly ParameterKey[];
  readonly parameters: Readonly<Record<ParameterKey, number | string | null>>;
}

export type PolicyOutcome =
  | { readonly kind: "policy"; readonly policy: PolicyView; readonly fromSheet: boolean }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[] };

export type PublicityOutcome =
  | { readonly kind: "done"; readonly start: CalendarDate; readonly end: CalendarDate; readonly households: number }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[] }
  | { readonly kind: "period"; readonly zh: string; readonly en: string };

const INPUTS: readonly { kind: InputKind; sheet: string; table: string }[] = [
  { kind: "policy", sheet: SHEETS.policy, table: TABLES.policy },
  { kind: "project", sheet: SHEETS.project, table: TABLES.project },
  { kind: "households", sheet: SHEETS.households, table: TABLES.households },
];

/** A sheet the run needs is missing: the task pane's own words (新建 makes it). */
function missingSheet(sheet: string, info: WorkbookInfo): WorkbookError {
  const found = info.sheets.join("、") || "（无）";
  return {
    ref: sheet,
    sheet,
    row: 0,
    col: 0,
    address: "",
    code: "sheet.missing",
    zh: `缺少工作表“${sheet}”（现有：${found}）。可点“新建测算工作簿”生成标准工作表。`,
    en: `sheet "${sheet}" is missing (found: ${info.sheets.join(", ") || "none"}). "New workbook" creates the standard sheets.`,
  };
}

/**
 * The grid read for a requested sheet, as the layout reader takes it: a table's range as is, a used
 * range from its header row (`locateTable`).
 */
function inputGrid(kind: InputKind, sheet: string, g: SheetGrid, fromTable: ReadonlySet<string>): SheetGrid {
  return fromTable.has(sheet) ? g : locateTable(g.sheet, kind, g.values, g.top, g.left);
}

/** What the pane shows of a policy. */
function policyView(p: Policy): PolicyView {
  return { id: p.id, base: p.base, overridden: [...p.overridden], parameters: policyParameters(p) };
}

/** A 政策参数 grid saying only `base = id`: how a built-in choice reaches the layout reader. */
function builtinPolicyGrid(id: BuiltInPolicyId): SheetGrid {
  return { sheet: SHEETS.policy, top: 1, left: 1, values: [["参数", "值"], ["base", id]] };
}

/** 1234567.8 (exact Decimal) → `1,234,567.80`: the layout's money text, as in 计算说明. */
export { moneyText };

/** Integer fen → `1,234.50`. */
export function fenMoneyText(fen: number): string {
  return moneyText(new Dec(fenToText(BigInt(fen))));
}

/** A ratio as a percentage floored to 0.01%: 0.99996 → `99.99%` (never a misleading 100%). */
export function percentText(ratio: Decimal): string {
  return `${ratio.times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2)}%`;
}

function figures(stage: Stage, r: CalcResult): StageFigures {
  const p = r.project;
  return {
    stage,
    total: moneyText(p.totalInvestment),
    resident: moneyText(p.residentTotal),
    social: moneyText(p.socialCapital),
    fiscal: moneyText(p.fiscalSubsidy),
    fiscalPerSqm: moneyText(p.fiscalPerSqm),
    approvalPath: p.approvalPath,
  };
}

/** The summary card of a successful read. */
export function summarize(read: WorkbookRead, sheets: readonly string[]): RunSummary {
  const r = read.result;
  const t = r.totals;
  const other = read.other;
  // 决算 − 概算, whichever of the two is the main stage.
  const diff = (f: (x: CalcResult) => Decimal) => {
    if (other === undefined) return undefined;
    const [est, set] = read.stage === "settlement" ? [other.result, r] : [r, other.result];
    return moneyText(new Dec(f(set)).minus(f(est)));
  };
  return {
    projectName: r.input.project.name,
    stage: read.stage,
    figures: figures(read.stage, r),
    other: other === undefined ? undefined : figures(other.stage, other.result),
    difference:
      other === undefined ? undefined : { total: diff((x) => x.project.totalInvestment)!, fiscal: diff((x) => x.project.fiscalSubsidy)! },
    households: r.households?.length ?? 0,
    collectionRate: t === undefined ? undefined : percentText(t.collectionRate),
    fullyCollected: t?.fullyCollected,
    net: t === undefined ? undefined : fenMoneyText(t.net),
    paid: t === undefined ? undefined : fenMoneyText(t.paid),
    vote: r.vote === undefined ? undefined : { participationPassed: r.vote.participationPassed, approvalPassed: r.vote.approvalPassed },
    policyId: r.policy.id,
    sheets,
  };
}

export interface WorkflowOptions {
  /** Clock for 计算说明's run time (tests pin it). */
  readonly now?: () => Date;
}

/** The task pane's actions on a workbook. Components receive this as a prop. */
export interface Workflows {
  /** 新建测算工作簿: the input sheets, empty or with the bundled example; refuses when a name is taken. */
  createWorkbook(example: boolean): Promise<CreateOutcome>;
  /** The parameters in force for a choice (reads 政策参数 for the workbook choice). */
  policy(choice: PolicyChoice): Promise<PolicyOutcome>;
  /** 检查: every input problem with its cell; writes nothing. */
  check(choice: PolicyChoice, onPhase?: PhaseListener): Promise<RunOutcome>;
  /** 计算 / 结算: validates, then replaces 测算结果, 资金汇总 and 计算说明 in one go. */
  calculate(choice: PolicyChoice, onPhase?: PhaseListener): Promise<RunOutcome>;
  /** 公示表: the publicity sheet (validates first, like 计算). */
  publicity(choice: PolicyChoice, period: { start: CalendarDate; end?: CalendarDate; publisher?: string }, onPhase?: PhaseListener): Promise<PublicityOutcome>;
  /** Shows the cell of a problem. */
  select(error: WorkbookError): Promise<void>;
}

export function createWorkflows(port: WorkbookPort, options: WorkflowOptions = {}): Workflows {
  const now = options.now ?? (() => new Date());

  /** Reads the input tables and runs the layout reader (which validates and computes with the engine). */
  async function readAll(choice: PolicyChoice, onPhase?: PhaseListener): Promise<{ ok: true; read: WorkbookRead } | { ok: false; errors: WorkbookError[] }> {
    const wanted = choice.kind === "workbook" ? INPUTS : INPUTS.filter((i) => i.kind !== "policy");
    const requests: TableRequest[] = wanted.map((i) => ({ sheet: i.sheet, table: i.table }));
    onPhase?.("read", 0, 1);
    const { grids, fromTable, info } = await port.readTables(requests, (done, total) => onPhase?.("read", done, total));
    onPhase?.("validate", 0, 1);
    const found: Partial<Record<InputKind, SheetGrid>> = {};
    const errors: WorkbookError[] = [];
    for (const i of wanted) {
      const g = grids.get(i.sheet);
      if (g === undefined) {
        // 政策参数 is optional (default policy); the other two are required.
        if (i.kind !== "policy") errors.push(missingSheet(i.sheet, info));
        continue;
      }
      found[i.kind] = inputGrid(i.kind, i.sheet, g, fromTable);
    }
    if (errors.length > 0) return { ok: false, errors };
    if (choice.kind === "builtin") found.policy = builtinPolicyGrid(choice.id);
    const outcome = readInputs(found);
    onPhase?.("validate", 1, 1);
    return outcome.ok ? { ok: true, read: outcome } : { ok: false, errors: [...outcome.errors] };
  }

  return {
    async createWorkbook(example) {
      const template = buildTemplate({ example });
      try {
        await port.createSheets(template.sheets, { validations: template.validations, activate: SHEETS.households });
      } catch (e) {
        if (e instanceof NameTakenError) return { kind: "taken", names: [...e.sheets, ...e.tables] };
        throw e;
      }
      return { kind: "created", sheets: template.sheets.map((s) => s.name) };
    },

    async policy(choice) {
      if (choice.kind === "builtin") return { kind: "policy", fromSheet: false, policy: policyView(BUILT_IN_POLICIES[choice.id]) };
      const { grids, fromTable } = await port.readTables([{ sheet: SHEETS.policy, table: TABLES.policy }]);
      const g = grids.get(SHEETS.policy);
      if (g === undefined) return { kind: "policy", fromSheet: false, policy: policyView(BUILT_IN_POLICIES.default) };
      const r = readPolicyGrid(inputGrid("policy", SHEETS.policy, g, fromTable));
      if (!r.ok) return { kind: "invalid", errors: [...r.errors] };
      return { kind: "policy", fromSheet: true, policy: policyView(r.policy) };
    },

    async check(choice, onPhase) {
      const r = await readAll(choice, onPhase);
      return r.ok ? { kind: "done", read: r.read, summary: summarize(r.read, []) } : { kind: "invalid", errors: r.errors };
    },

    async calculate(choice, onPhase) {
      const r = await readAll(choice, onPhase);
      if (!r.ok) return { kind: "invalid", errors: r.errors };
      const sheets = buildOutputSheets(r.read, { time: now(), version: ADDIN_VERSION });
      onPhase?.("write", 0, 1);
      await port.replaceSheets(sheets, { activate: SHEETS.summary, onProgress: (done, total) => onPhase?.("write", done, total) });
      return { kind: "done", read: r.read, summary: summarize(r.read, sheets.map((s) => s.name)) };
    },

    async publicity(choice, period, onPhase) {
      const r = await readAll(choice, onPhase);
      if (!r.ok) return { kind: "invalid", errors: r.errors };
      const built = buildPublicitySheet(r.read.result, period);
      if (!built.ok) return { kind: "period", zh: built.zh, en: built.en };
      onPhase?.("write", 0, 1);
      await port.replaceSheets([built.sheet], { activate: SHEETS.publicity, onProgress: (done, total) => onPhase?.("write", done, total) });
      return { kind: "done", start: period.start, end: period.end ?? publicityEndDate(period.start), households: r.read.result.households?.length ?? 0 };
    },

    async select(error) {
      // A missing sheet has nothing to show; a problem about a whole sheet (a missing column) shows its top.
      if (!isSelectable(error)) return;
      return port.selectRange(error.sheet, error.address === "" ? "A1" : error.address);
    },
  };
}

/** True when a problem has a place in the workbook to go to (not a missing sheet). */
export function isSelectable(error: WorkbookError): boolean {
  return error.code !== "sheet.missing";
}
