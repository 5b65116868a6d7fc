/**
 * What the task pane's buttons do, on any `WorkbookPort` (Office.js in Excel, a fake in tests):
 * 新建 (template), 政策 (parameters in force), 检查 (problems with their cells), 计算 (three output
 * sheets), 公示, 缴费通知. Reading, validation and every number come from the shared layout module and the engine;
 * this module only sequences them, and never writes unless the whole input is valid.
 */
import {
  ApprovalPathKind,
  BUILT_IN_POLICIES,
  BuiltInPolicyId,
  CalcResult,
  ENGINE_VERSION,
  Money,
  ParameterKey,
  Policy,
  percentText,
  policyParameters,
  sumMoney,
} from "../engine";
import {
  CalendarDate,
  INPUT_SHEET_NAMES,
  InputKind,
  SHEETS,
  Stage,
  WorkbookError,
  WorkbookRead,
  buildOutputSheets,
  buildNotices,
  buildPublicitySheet,
  buildTemplate,
  SheetGrid,
  CalendarNote,
  NOTICE_SHEET,
  missingSheetError,
  moneyText,
  readInputs,
  readPolicyGrid,
} from "../workbook";
import { NameTakenError, WorkbookPort } from "../excel/port";

/** Which policy a run uses: one of the built-ins, or the workbook's 政策参数 sheet. */
export type PolicyChoice = { readonly kind: "workbook" } | { readonly kind: "builtin"; readonly id: BuiltInPolicyId };

/** How 计算说明 names this surface and the product's version. */
export const RUN_VERSION = `reno-funding ${ENGINE_VERSION}（任务窗格）`;

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
  readonly approvalPath: ApprovalPathKind;
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

/**
 * A run's outcome. `policy`: the parameters the run used (or, when it was refused, what the 政策参数
 * sheet reads as), so that the policy panel always shows what the last action saw.
 */
export type RunOutcome =
  | { readonly kind: "done"; readonly summary: RunSummary; readonly read: WorkbookRead; readonly policy: PolicyOutcome }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[]; readonly policy?: PolicyOutcome };

export type CreateOutcome = { readonly kind: "created"; readonly sheets: readonly string[] } | { readonly kind: "taken"; readonly names: readonly string[] };

export interface PolicyView {
  readonly id: string;
  readonly base: string;
  /** Keys changed from the base (the 政策参数 sheet's own values). */
  readonly overridden: readonly ParameterKey[];
  readonly parameters: Readonly<Record<ParameterKey, number | string | null>>;
  /** The base policy's values (what a blank row of 政策参数 keeps). */
  readonly baseParameters: Readonly<Record<ParameterKey, number | string | null>>;
}

export type PolicyOutcome =
  | { readonly kind: "policy"; readonly policy: PolicyView; readonly fromSheet: boolean }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[] };

export type PublicityOutcome =
  | {
      readonly kind: "done";
      readonly start: CalendarDate;
      readonly end: CalendarDate;
      readonly households: number;
      /** Working days in the period (statutory holidays out, 调休 working weekends in). */
      readonly days?: number;
      /** What the calendar says: holidays counted, or a year the data lacks counted Monday–Friday (show it). */
      readonly calendar?: CalendarNote;
      readonly policy?: PolicyOutcome;
    }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[]; readonly policy?: PolicyOutcome }
  | { readonly kind: "period"; readonly zh: string; readonly en: string };

/** 生成缴费通知单: the 缴费通知 sheet, or why not. */
export type NoticesOutcome =
  | { readonly kind: "done"; readonly sheet: string; readonly notices: number; readonly perPage: 2 | 4; readonly policy?: PolicyOutcome }
  | { readonly kind: "invalid"; readonly errors: readonly WorkbookError[]; readonly policy?: PolicyOutcome }
  | { readonly kind: "refused"; readonly zh: string; readonly en: string };

/** The input sheets a run reads (政策参数 only when the workbook's policy is used; 加装电梯 when present). */
const KINDS: readonly InputKind[] = ["policy", "project", "households", "elevators"];

/** What the pane shows of a policy. */
function policyView(p: Policy): PolicyView {
  return {
    id: p.id,
    base: p.base,
    overridden: [...p.overridden],
    parameters: policyParameters(p),
    baseParameters: policyParameters(BUILT_IN_POLICIES[p.base]),
  };
}

/** The policy of a choice as read from these grids: a built-in, the 政策参数 sheet, or the default without one. */
function policyOfGrids(choice: PolicyChoice, policyGrid: SheetGrid | undefined): PolicyOutcome {
  if (choice.kind === "builtin") return { kind: "policy", fromSheet: false, policy: policyView(BUILT_IN_POLICIES[choice.id]) };
  if (policyGrid === undefined) return { kind: "policy", fromSheet: false, policy: policyView(BUILT_IN_POLICIES.default) };
  const r = readPolicyGrid(policyGrid);
  return r.ok ? { kind: "policy", fromSheet: true, policy: policyView(r.policy) } : { kind: "invalid", errors: [...r.errors] };
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
  const diff = (f: (x: CalcResult) => Money) => {
    if (other === undefined) return undefined;
    const [est, set] = read.stage === "settlement" ? [other.result, r] : [r, other.result];
    return moneyText(sumMoney([f(set), f(est).negated() as Money]));
  };
  return {
    projectName: r.input.project.name,
    stage: read.stage,
    figures: figures(read.stage, r),
    other: other === undefined ? undefined : figures(other.stage, other.result),
    difference: other === undefined ? undefined : { total: diff((x) => x.project.totalInvestment)!, fiscal: diff((x) => x.project.fiscalSubsidy)! },
    households: r.households?.length ?? 0,
    collectionRate: t === undefined ? undefined : percentText(t.collectionRate),
    fullyCollected: t?.fullyCollected,
    net: t === undefined ? undefined : moneyText(t.net),
    paid: t === undefined ? undefined : moneyText(t.paid),
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
  /**
   * 生成缴费通知单: validates like 计算, then writes the 缴费通知 sheet — one notice per household,
   * `perPage` (2, default, or 4) to an A4 page, with the optional 项目信息 payment rows.
   */
  notices(choice: PolicyChoice, options?: { readonly perPage?: 2 | 4 }, onPhase?: PhaseListener): Promise<NoticesOutcome>;
  /** Shows the cell of a problem. */
  select(error: WorkbookError): Promise<void>;
}

export function createWorkflows(port: WorkbookPort, options: WorkflowOptions = {}): Workflows {
  const now = options.now ?? (() => new Date());

  /** Reads the input sheets and runs the layout reader (which validates and computes with the engine). */
  async function readAll(
    choice: PolicyChoice,
    onPhase?: PhaseListener,
  ): Promise<({ ok: true; read: WorkbookRead; sheets: readonly string[] } | { ok: false; errors: WorkbookError[] }) & { policy?: PolicyOutcome }> {
    const kinds = choice.kind === "workbook" ? KINDS : KINDS.filter((k) => k !== "policy");
    onPhase?.("read", 0, 1);
    const { grids, info } = await port.readInputs(kinds, (done, total) => onPhase?.("read", done, total));
    onPhase?.("validate", 0, 1);
    // 政策参数 is optional (default policy); the other two are required.
    const missing = (["project", "households"] as const).filter((k) => grids[k] === undefined).map((k) => missingSheetError(INPUT_SHEET_NAMES[k], info.sheets));
    const policy = policyOfGrids(choice, grids.policy);
    if (missing.length > 0) return { ok: false, errors: missing, policy };
    const outcome = readInputs(grids, choice.kind === "builtin" ? { policy: BUILT_IN_POLICIES[choice.id] } : {});
    onPhase?.("validate", 1, 1);
    if (!outcome.ok) return { ok: false, errors: [...outcome.errors], policy };
    // What the run used (the same rows, read by the same reader).
    const used: PolicyOutcome = {
      kind: "policy",
      fromSheet: choice.kind === "workbook" && grids.policy !== undefined,
      policy: policyView(outcome.result.policy),
    };
    return { ok: true, read: outcome, sheets: info.sheets, policy: used };
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
      if (choice.kind === "builtin") return policyOfGrids(choice, undefined);
      const { grids } = await port.readInputs(["policy"]);
      return policyOfGrids(choice, grids.policy);
    },

    async check(choice, onPhase) {
      const r = await readAll(choice, onPhase);
      return r.ok ? { kind: "done", read: r.read, summary: summarize(r.read, []), policy: r.policy! } : { kind: "invalid", errors: r.errors, policy: r.policy };
    },

    async calculate(choice, onPhase) {
      const r = await readAll(choice, onPhase);
      if (!r.ok) return { kind: "invalid", errors: r.errors, policy: r.policy };
      const sheets = buildOutputSheets(r.read, { time: now(), version: RUN_VERSION, existingSheets: r.sheets });
      onPhase?.("write", 0, 1);
      await port.replaceSheets(sheets, { activate: SHEETS.summary, onProgress: (done, total) => onPhase?.("write", done, total) });
      return {
        kind: "done",
        read: r.read,
        policy: r.policy!,
        summary: summarize(
          r.read,
          sheets.map((s) => s.name),
        ),
      };
    },

    async publicity(choice, period, onPhase) {
      const r = await readAll(choice, onPhase);
      if (!r.ok) return { kind: "invalid", errors: r.errors, policy: r.policy };
      const built = buildPublicitySheet(r.read.result, period);
      if (!built.ok) return { kind: "period", zh: built.zh, en: built.en };
      onPhase?.("write", 0, 1);
      await port.replaceSheets([built.sheet], { activate: SHEETS.publicity, onProgress: (done, total) => onPhase?.("write", done, total) });
      return {
        kind: "done",
        start: period.start,
        end: built.end,
        households: r.read.result.households?.length ?? 0,
        days: built.days,
        calendar: built.calendar,
        policy: r.policy,
      };
    },

    async notices(choice, options = {}, onPhase) {
      const r = await readAll(choice, onPhase);
      if (!r.ok) return { kind: "invalid", errors: r.errors, policy: r.policy };
      const perPage = options.perPage ?? 2;
      const built = buildNotices(r.read, { time: now(), perPage });
      if (!built.ok) return { kind: "refused", zh: built.zh, en: built.en };
      onPhase?.("write", 0, 1);
      await port.replaceSheets([built.sheet], { activate: NOTICE_SHEET, onProgress: (done, total) => onPhase?.("write", done, total) });
      return { kind: "done", sheet: NOTICE_SHEET, notices: built.notices, perPage, policy: r.policy };
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
