/**
 * What each button of the task pane does, for both panes — the React one (components/App.tsx) and the
 * plain-DOM one for Internet Explorer 11 (legacy/pane.ts): the same sequence of workflows, the same events
 * for the reducer of state.ts, so the two panes cannot drift apart. No React, no DOM, no Office.js here.
 */
import { BUILT_IN_POLICY_IDS, BuiltInPolicyId } from "../engine";
import type { CalendarDate, WorkbookError } from "../workbook";
import type { Lang } from "./i18n";
import { STRINGS, say } from "./i18n";
import type { Action, PaneEvent } from "./state";
import type { Phase, PolicyChoice, Workflows } from "./workflows";

/** The pane's form fields, as the user typed them. */
export interface PaneForm {
  readonly example: boolean;
  readonly choice: PolicyChoice;
  /** Publicity dates as typed (`2026-11-30`, `2026/11/30`, `2026年11月30日` …); end may be blank. */
  readonly start: string;
  readonly end: string;
  readonly publisher: string;
  /** 缴费通知单: notices per A4 page (2 or 4; anything else is 2). */
  readonly perPage?: 2 | 4;
}

const FULL_WIDTH_DIGIT = /[\uff10-\uff19]/g;

/**
 * A typed date → a calendar date; undefined for blank or invalid text. Accepts `2026-11-30`, `2026/11/30`,
 * `2026.11.30`, `2026年11月30日` (full-width digits too), whatever the browser's locale.
 * @example parseDateInput("2026年2月3日") // { year: 2026, month: 2, day: 3 }
 */
export function parseDateInput(text: string): CalendarDate | undefined {
  const t = text.replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, "");
  const m = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(t);
  if (m === null) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2] ?? m[4]), day: Number(m[3] ?? m[5]) };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCFullYear() === d.year && check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day ? d : undefined;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The form's own spelling of a date: `2026-11-30` (what the field holds; the same in both languages). */
export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** A date as the pane says it: `2026年11月30日` in Chinese, `2026-11-30` in English. */
export function displayDate(d: CalendarDate, lang: Lang): string {
  return lang === "zh" ? `${d.year}年${d.month}月${d.day}日` : isoDate(d);
}

/** Today in the form's spelling. */
export function todayText(now: Date = new Date()): string {
  return isoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** The per-page select's value → 2 or 4. */
export const perPageOf = (v: string): 2 | 4 => (v === "4" ? 4 : 2);

/** The select's value of a choice, and back. */
export const choiceValue = (c: PolicyChoice): string => (c.kind === "workbook" ? "workbook" : c.id);
export const choiceOf = (v: string): PolicyChoice =>
  BUILT_IN_POLICY_IDS.indexOf(v as BuiltInPolicyId) >= 0 ? { kind: "builtin", id: v as BuiltInPolicyId } : { kind: "workbook" };

export interface PaneActions {
  loadPolicy(choice: PolicyChoice): Promise<PaneEvent>;
  create(form: PaneForm): Promise<PaneEvent>;
  run(action: "calculate" | "check", form: PaneForm): Promise<PaneEvent>;
  publish(form: PaneForm): Promise<PaneEvent | undefined>;
  notices(form: PaneForm): Promise<PaneEvent>;
  select(error: WorkbookError): Promise<PaneEvent>;
}

/**
 * The actions on `workflows`, each dispatching `start`, progress and its outcome (or `failed`: every
 * failure reaches the user as a message).
 */
export function createPaneActions(workflows: Workflows, lang: Lang, dispatch: (e: PaneEvent) => void): PaneActions {
  const onPhase = (phase: Phase, done: number, total: number) => dispatch({ type: "progress", phase, done, total });

  async function act(action: Action, body: () => Promise<PaneEvent>): Promise<PaneEvent> {
    dispatch({ type: "start", action });
    let event: PaneEvent;
    try {
      event = await body();
    } catch (e) {
      event = { type: "failed", error: e };
    }
    dispatch(event);
    return event;
  }

  const loadPolicy = (choice: PolicyChoice) => act("policy", async () => ({ type: "policy", outcome: await workflows.policy(choice) }));

  return {
    loadPolicy,
    async create(form) {
      const event = await act("create", async () => ({ type: "created", outcome: await workflows.createWorkbook(form.example) }));
      // The new 政策参数 sheet is now the workbook's policy: show its parameters.
      if (event.type === "created" && event.outcome.kind === "created" && form.choice.kind === "workbook") await loadPolicy(form.choice);
      return event;
    },
    run(action, form) {
      return act(action, async () => ({
        type: "ran",
        action,
        outcome: action === "calculate" ? await workflows.calculate(form.choice, onPhase) : await workflows.check(form.choice, onPhase),
      }));
    },
    async publish(form) {
      const start = parseDateInput(form.start);
      const blankEnd = form.end.trim() === "";
      const end = blankEnd ? undefined : parseDateInput(form.end);
      if (start === undefined || (!blankEnd && end === undefined)) {
        const event: PaneEvent = { type: "refused", text: `${say(lang, "pane.badDate")}${STRINGS[lang].dateExample}`, action: "publicity" };
        dispatch(event);
        return event;
      }
      const publisher = form.publisher.trim() === "" ? undefined : form.publisher.trim();
      return act("publicity", async () => ({ type: "published", outcome: await workflows.publicity(form.choice, { start, end, publisher }, onPhase) }));
    },
    notices(form) {
      const perPage = form.perPage === 4 ? 4 : 2;
      return act("notices", async () => ({ type: "noticed", outcome: await workflows.notices(form.choice, { perPage }, onPhase) }));
    },
    select(error) {
      return act("select", async () => {
        await workflows.select(error);
        return { type: "selected" };
      });
    },
  };
}
