/**
 * The task pane's state and how each outcome changes it: a pure reducer, so what the user is told
 * after every action is tested without a DOM (test/taskpane/state.test.ts); the components only render it.
 */
import { ExcelIoError } from "../excel/office-port";
import type { WorkbookError } from "../workbook";
import { Lang, STRINGS, say } from "./i18n";
import type { CreateOutcome, NoticesOutcome, Phase, PolicyOutcome, PublicityOutcome, RunOutcome, RunSummary } from "./workflows";
import { displayDate } from "./controller";

export type Action = "create" | "calculate" | "check" | "publicity" | "notices" | "policy" | "select";

/** The pane's section whose action the message, progress and problem list are about (shown there, next to its button). */
export type Area = "workbook" | "run" | "publicity" | "notices";

/** The section of each action (selecting a cell and showing the policy keep the current one). */
export function areaOf(action: Action, current: Area): Area {
  switch (action) {
    case "create":
      return "workbook";
    case "calculate":
    case "check":
      return "run";
    case "publicity":
      return "publicity";
    case "notices":
      return "notices";
    default:
      return current;
  }
}

export interface Message {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}

export interface PaneState {
  /** The action under way, if any (buttons are disabled meanwhile). */
  readonly busy: Action | null;
  readonly progress: { readonly phase: Phase; readonly done: number; readonly total: number } | null;
  readonly message: Message | null;
  /** Where the message, the progress and the problem list show: the section of the last action. */
  readonly area: Area;
  /** The summary card of the last successful 计算 or 检查. */
  readonly summary: RunSummary | null;
  /**
   * True once a later 计算 / 检查 / 公示 / 缴费通知单 was refused or failed: the card then describes the last successful
   * run, not the workbook as it is now, and says so (上次成功测算的结果).
   */
  readonly summaryStale: boolean;
  /** Input problems of the last 计算 / 检查 / 公示 / 缴费通知单 / 政策. */
  readonly errors: readonly WorkbookError[];
  readonly policy: PolicyOutcome | null;
}

export const INITIAL_STATE: PaneState = {
  busy: null,
  progress: null,
  message: null,
  area: "run",
  summary: null,
  summaryStale: false,
  errors: [],
  policy: null,
};

export type PaneEvent =
  | { readonly type: "start"; readonly action: Action }
  | { readonly type: "progress"; readonly phase: Phase; readonly done: number; readonly total: number }
  | { readonly type: "created"; readonly outcome: CreateOutcome }
  | { readonly type: "ran"; readonly action: "calculate" | "check"; readonly outcome: RunOutcome }
  | { readonly type: "published"; readonly outcome: PublicityOutcome }
  | { readonly type: "noticed"; readonly outcome: NoticesOutcome }
  | { readonly type: "policy"; readonly outcome: PolicyOutcome }
  | { readonly type: "selected" }
  /** The pane refused before calling Excel (a date it cannot read): a warning, nothing else changes. */
  | { readonly type: "refused"; readonly text: string; readonly action?: Action }
  | { readonly type: "failed"; readonly error: unknown };

/** What a thrown error tells the user: Excel's code and message, or a plain sentence. */
export function failureMessage(e: unknown, lang: Lang): string {
  if (e instanceof ExcelIoError) {
    if (e.code === "InvalidOperationInCellEditMode") return say(lang, "pane.cellEditMode");
    return say(lang, "pane.excelError", { code: e.code, message: e.message });
  }
  return say(lang, "pane.unexpected", { message: e instanceof Error ? e.message : String(e) });
}

/** The reducer for one language. */
export function paneReducer(lang: Lang) {
  const t = STRINGS[lang];
  return (s: PaneState, e: PaneEvent): PaneState => {
    const idle = { ...s, busy: null, progress: null };
    // A run that did not complete leaves the card describing an older state of the workbook.
    const stale = s.summary !== null;
    /** Input problems: listed, nothing written, the card (if any) marked as older than the workbook. */
    const invalid = (o: { readonly errors: readonly WorkbookError[]; readonly policy?: PolicyOutcome }): PaneState => ({
      ...idle,
      errors: o.errors,
      summaryStale: stale,
      policy: o.policy ?? s.policy,
      message: { intent: "error", text: say(lang, "pane.invalid", { count: o.errors.length }) },
    });
    switch (e.type) {
      case "start":
        // Selecting a cell and showing the policy keep the list and the message as they are.
        return e.action === "select" || e.action === "policy"
          ? { ...s, busy: e.action }
          : { ...s, busy: e.action, progress: null, message: null, area: areaOf(e.action, s.area) };
      case "progress":
        return { ...s, progress: { phase: e.phase, done: e.done, total: e.total } };
      case "created":
        return e.outcome.kind === "created"
          ? { ...idle, message: { intent: "success", text: say(lang, "pane.created", { sheets: e.outcome.sheets }) }, errors: [] }
          : { ...idle, message: { intent: "warning", text: say(lang, "pane.taken", { names: e.outcome.names }) } };
      case "ran":
        if (e.outcome.kind === "invalid") return invalid(e.outcome);
        return {
          ...idle,
          errors: [],
          summary: e.outcome.summary,
          summaryStale: false,
          // The parameters the run used: the panel never shows an older reading of 政策参数.
          policy: e.outcome.policy,
          message: {
            intent: "success",
            text: e.action === "check" ? say(lang, "pane.checkedOk") : say(lang, "pane.done", { sheets: e.outcome.summary.sheets }),
          },
        };
      case "published":
        if (e.outcome.kind === "invalid") return invalid(e.outcome);
        if (e.outcome.kind === "period") return { ...idle, message: { intent: "warning", text: e.outcome[lang] } };
        return {
          ...idle,
          errors: [],
          policy: e.outcome.policy ?? s.policy,
          // The calendar's note: holidays counted, or a year without holiday data counted Monday–Friday (a warning).
          message: {
            intent: e.outcome.calendar?.covered === false ? "warning" : "success",
            text: `${t.publicityDone(displayDate(e.outcome.start, lang), displayDate(e.outcome.end, lang), e.outcome.households)}${e.outcome.calendar === undefined ? "" : ` ${e.outcome.calendar[lang]}${lang === "zh" ? "。" : "."}`}`,
          },
        };
      case "noticed":
        if (e.outcome.kind === "invalid") return invalid(e.outcome);
        // Texts too long for the notice's part of the page: what to shorten, or print two to a page.
        if (e.outcome.kind === "refused") return { ...idle, message: { intent: "warning", text: e.outcome[lang] } };
        return {
          ...idle,
          errors: [],
          policy: e.outcome.policy ?? s.policy,
          message: {
            intent: "success",
            text: t.noticesDone(e.outcome.notices, e.outcome.perPage, Math.ceil(e.outcome.notices / e.outcome.perPage)),
          },
        };
      case "policy":
        return e.outcome.kind === "invalid"
          ? {
              ...idle,
              policy: e.outcome,
              errors: e.outcome.errors,
              message: { intent: "error", text: say(lang, "pane.invalid", { count: e.outcome.errors.length }) },
            }
          : { ...idle, policy: e.outcome };
      case "selected":
        return { ...s, busy: null };
      case "refused":
        return { ...idle, area: e.action === undefined ? s.area : areaOf(e.action, s.area), message: { intent: "warning", text: e.text } };
      case "failed": {
        const run = s.busy === "calculate" || s.busy === "check" || s.busy === "publicity" || s.busy === "notices";
        return { ...idle, summaryStale: s.summaryStale || (run && stale), message: { intent: "error", text: failureMessage(e.error, lang) } };
      }
    }
  };
}
