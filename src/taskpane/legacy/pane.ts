/**
 * The legacy task pane: plain DOM, no React, for the Internet Explorer 11 webview of Excel 2016 / 2019
 * volume-licensed (and the EdgeHTML one of some retail builds). It offers every action of the modern pane
 * through the very same code — controller.ts (what each button does), state.ts (what the user is told),
 * workflows.ts, the engine, the workbook layout and the Office.js port; only the drawing differs.
 * Cell text only ever reaches the page as text nodes (`textContent`), never as HTML.
 */
import { BUILT_IN_POLICY_IDS, PARAMETER_KEYS, PARAMETER_NOTES, exactPercentText } from "../../engine";
import type { HostAbilities } from "../../excel/environment";
import type { PortFeatures } from "../../excel/office-port";
import type { WorkbookError } from "../../workbook";
import { PaneForm, choiceOf, choiceValue, createPaneActions, displayDate, parseDateInput, perPageOf, todayText } from "../controller";
import { Lang, STRINGS } from "../i18n";
import { Area, INITIAL_STATE, PaneEvent, PaneState, paneReducer } from "../state";
import { missingNotes } from "../support";
import type { PolicyOutcome, RunSummary, Workflows } from "../workflows";

type Attrs = Readonly<Record<string, string | undefined>>;
type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes (never HTML). */
export function h(tag: string, attrs: Attrs = {}, children: readonly Child[] = []): HTMLElement {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== undefined && Object.prototype.hasOwnProperty.call(attrs, k)) el.setAttribute(k, v);
  }
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

/** Replaces what `parent` shows. */
function fill(parent: HTMLElement, children: readonly Child[]): void {
  while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

function on(el: HTMLElement, event: string, f: () => void): void {
  el.addEventListener(event, f, false);
}

/** How many problems are listed (the rest are counted), as in the modern pane. */
const MAX_LISTED = 200;

export interface LegacyPaneOptions {
  readonly lang: Lang;
  readonly workflows: Workflows;
  readonly features?: PortFeatures;
  readonly abilities?: HostAbilities;
}

/** Draws the pane into `root` and wires its buttons; returns the state's getter (for tests). */
export function mountLegacyPane(root: HTMLElement, options: LegacyPaneOptions): { state(): PaneState } {
  const { lang, workflows } = options;
  const t = STRINGS[lang];
  const reducer = paneReducer(lang);
  let state: PaneState = INITIAL_STATE;

  // The form (kept across renders: only the parts below it are redrawn).
  const example = h("input", { type: "checkbox", id: "example", "data-testid": "example", checked: "checked" }) as HTMLInputElement;
  const create = h("button", { type: "button", "data-testid": "create" }, [t.create]) as HTMLButtonElement;
  const select = h("select", { id: "policy", "data-testid": "policy" }) as HTMLSelectElement;
  select.appendChild(h("option", { value: "workbook" }, [t.policyWorkbook]));
  for (let i = 0; i < BUILT_IN_POLICY_IDS.length; i++) {
    const id = BUILT_IN_POLICY_IDS[i];
    select.appendChild(h("option", { value: id, title: t.policyName(id) }, [t.policyName(id)]));
  }
  const calculate = h("button", { type: "button", class: "primary", "data-testid": "calculate" }, [t.calculate]) as HTMLButtonElement;
  const check = h("button", { type: "button", "data-testid": "check" }, [t.check]) as HTMLButtonElement;
  const start = h("input", {
    type: "text",
    id: "publicity-start",
    "data-testid": "publicity-start",
    placeholder: "2026-11-30",
    value: todayText(),
  }) as HTMLInputElement;
  const end = h("input", { type: "text", id: "publicity-end", "data-testid": "publicity-end", placeholder: "2026-12-08" }) as HTMLInputElement;
  const publisher = h("input", { type: "text", id: "publisher", "data-testid": "publisher" }) as HTMLInputElement;
  const publish = h("button", { type: "button", "data-testid": "publicity" }, [t.publicity]) as HTMLButtonElement;
  const perPage = h("select", { id: "per-page", "data-testid": "per-page" }, [
    h("option", { value: "2" }, [t.perPageOption(2)]),
    h("option", { value: "4" }, [t.perPageOption(4)]),
  ]) as HTMLSelectElement;
  const notices = h("button", { type: "button", "data-testid": "notices" }, [t.notices]) as HTMLButtonElement;
  const startHint = h("div", { class: "hint" });
  const endHint = h("div", { class: "hint" });
  const buttons = [create, calculate, check, publish, notices];

  // Parts redrawn after every event.
  const policyBox = h("div");
  const progressBox = h("div");
  const messageBox = h("div");
  const errorsBox = h("div");
  const summaryBox = h("div");
  // Progress, message and problem list move to the section of the action they are about.
  const feedback = h("div", { class: "feedback" }, [progressBox, messageBox, errorsBox]);
  const slots: Record<Area, HTMLElement> = { workbook: h("div"), run: h("div"), publicity: h("div"), notices: h("div") };

  const form = (): PaneForm => ({
    example: example.checked,
    choice: choiceOf(select.value),
    start: start.value,
    end: end.value,
    publisher: publisher.value,
    perPage: perPageOf(perPage.value),
  });
  const actions = createPaneActions(workflows, lang, (e: PaneEvent) => {
    state = reducer(state, e);
    render();
  });

  const notes = missingNotes(options.abilities, options.features, lang);
  const section = (id: string, heading: string, children: readonly Child[]) =>
    h("section", { class: "section", "aria-labelledby": id }, ([h("h2", { id }, [heading])] as Child[]).concat(children));

  fill(root, [
    h("main", { class: "pane", "data-testid": "app", "data-pane": "legacy", lang: lang === "zh" ? "zh-CN" : "en" }, [
      h("header", {}, [
        h("h1", {}, [t.title]),
        h("div", { class: "hint" }, [t.subtitle]),
        h("div", { class: "hint small", "data-testid": "legacy-note" }, [t.legacyPane]),
      ]),
      notes.length > 0
        ? h(
            "div",
            { class: "msg info", "data-testid": "missing" },
            notes.map((n) => h("div", {}, [n])),
          )
        : null,
      section("h-workbook", t.workbookHeading, [
        h("label", { class: "check" }, [example, " ", t.withExample]),
        h("div", { class: "row" }, [create]),
        slots.workbook,
      ]),
      h("hr"),
      section("h-policy", t.policyHeading, [h("label", { for: "policy" }, [t.policyLabel]), select, policyBox]),
      h("hr"),
      section("h-run", t.runHeading, [h("div", { class: "hint" }, [t.calcHint]), h("div", { class: "row" }, [calculate, check]), slots.run, summaryBox]),
      h("hr"),
      section("h-publicity", t.publicityHeading, [
        h("label", { for: "publicity-start" }, [t.publicityStart]),
        start,
        startHint,
        h("label", { for: "publicity-end" }, [t.publicityEnd]),
        end,
        endHint,
        h("label", { for: "publisher" }, [t.publisher]),
        publisher,
        h("div", { class: "row" }, [publish]),
        slots.publicity,
      ]),
      h("hr"),
      section("h-notices", t.noticesHeading, [
        h("div", { class: "hint" }, [t.noticesHint]),
        h("label", { for: "per-page" }, [t.perPage]),
        perPage,
        h("div", { class: "row" }, [notices]),
        slots.notices,
      ]),
    ]),
  ]);

  on(create, "click", () => void actions.create(form()));
  on(calculate, "click", () => void actions.run("calculate", form()));
  on(check, "click", () => void actions.run("check", form()));
  on(publish, "click", () => void actions.publish(form()));
  on(notices, "click", () => void actions.notices(form()));
  on(select, "change", () => void actions.loadPolicy(choiceOf(select.value)));
  const dateHint = (input: HTMLInputElement, hint: HTMLElement) => () => {
    const d = parseDateInput(input.value);
    fill(hint, [input.value.trim() === "" ? null : d === undefined ? t.dateExample.trim() : t.dateShown(displayDate(d, lang))]);
  };
  const startChanged = dateHint(start, startHint);
  const endChanged = dateHint(end, endHint);
  // IE11 fires `input` on text fields; `keyup` and `change` cover paste and older builds.
  for (const ev of ["input", "keyup", "change"]) {
    on(start, ev, startChanged);
    on(end, ev, endChanged);
  }
  startChanged();

  function render(): void {
    const busy = state.busy !== null;
    if (feedback.parentNode !== slots[state.area]) slots[state.area].appendChild(feedback);
    for (let i = 0; i < buttons.length; i++) buttons[i].disabled = busy;
    select.disabled = busy;
    perPage.disabled = busy;
    select.value = choiceValue(choiceOf(select.value));
    fill(policyBox, [policyPanel(lang, state.policy, select.value !== "workbook")]);
    const p = state.progress;
    fill(progressBox, [
      busy && state.busy !== "select" && state.busy !== "policy"
        ? h("div", { class: "progress", "data-testid": "progress" }, [
            p === null ? t.phase.read : t.phase[p.phase],
            p !== null && p.total > 0 && p.phase !== "validate" ? ` ${p.done}/${p.total}` : "",
          ])
        : null,
    ]);
    fill(messageBox, [
      state.message === null ? null : h("div", { class: `msg ${state.message.intent}`, role: "status", "data-testid": "message" }, [state.message.text]),
    ]);
    fill(errorsBox, [errorList(lang, state.errors, (e) => void actions.select(e))]);
    fill(summaryBox, [state.summary === null ? null : summaryCard(lang, state.summary, state.summaryStale)]);
  }

  render();
  void actions.loadPolicy(choiceOf(select.value));
  return { state: () => state };
}

/** The policy in force, which rows override the base, and every parameter on demand. */
function policyPanel(lang: Lang, outcome: PolicyOutcome | null, builtin: boolean): HTMLElement | null {
  const t = STRINGS[lang];
  if (outcome === null || outcome.kind !== "policy") return null;
  const p = outcome.policy;
  const shown = (v: number | string | null) => (v === null ? t.noCap : String(v));
  const rate = (k: "tier.basic.rate" | "tier.improvement.rate" | "tier.enhancement.rate") => exactPercentText(String(p.parameters[k]));
  const cap = p.parameters["cap.perSqm"];
  const source = builtin ? t.policyBuiltIn(p.id) : outcome.fromSheet ? t.policyFromSheet(p.id) : t.policyDefaultNoSheet;
  const table = h("table", { class: "params", "aria-label": t.policyInForce }, [
    h("thead", {}, [h("tr", {}, [h("th", {}, [t.paramKey]), h("th", {}, [t.paramValue]), h("th", {}, [t.baseColumn])])]),
    h(
      "tbody",
      {},
      PARAMETER_KEYS.map((k) => {
        const changed = p.overridden.indexOf(k) >= 0;
        return h("tr", {}, [
          h("td", { class: "key", title: PARAMETER_NOTES[k] }, [k]),
          h("td", { class: changed ? "changed" : undefined }, [shown(p.parameters[k]) + (changed ? ` (${t.changed})` : "")]),
          h("td", {}, [shown(p.baseParameters[k])]),
        ]);
      }),
    ),
  ]);
  table.style.display = "none";
  const toggle = h("button", { type: "button", class: "link", "data-testid": "policy-brief" }, [
    t.policyBrief(
      `${rate("tier.basic.rate")} / ${rate("tier.improvement.rate")} / ${rate("tier.enhancement.rate")}`,
      cap === null ? t.noCap : `${cap} ${t.perSqm}`,
    ),
  ]);
  on(toggle, "click", () => {
    table.style.display = table.style.display === "none" ? "" : "none";
  });
  const overrides = !outcome.fromSheet
    ? null
    : h(
        "div",
        { "data-testid": "policy-overrides" },
        p.overridden.length === 0
          ? [h("div", { class: "small" }, [t.overridesNone(p.base)])]
          : [
              h("div", { class: "small" }, [t.overrides(p.overridden.length, p.base)]),
              h(
                "ul",
                { class: "overrides" },
                p.overridden.map((k) => h("li", { class: "changed" }, [t.overrideRow(k, shown(p.parameters[k]), shown(p.baseParameters[k]))])),
              ),
            ],
      );
  return h("div", { "data-testid": "policy-panel" }, [h("div", { class: "hint" }, [source]), overrides, toggle, table]);
}

/** 检查's list; clicking an address selects that cell in the sheet. */
function errorList(lang: Lang, errors: readonly WorkbookError[], onSelect: (e: WorkbookError) => void): HTMLElement | null {
  const t = STRINGS[lang];
  if (errors.length === 0) return null;
  const shown = errors.slice(0, MAX_LISTED);
  return h("div", { class: "errors", "data-testid": "errors", "aria-label": t.errorsHeading(errors.length) }, [
    h("div", { class: "strong" }, [t.errorsHeading(errors.length)]),
    h(
      "ul",
      {},
      shown.map((e) => {
        // A missing sheet has no cell to show.
        const ref =
          e.code === "sheet.missing"
            ? h("span", { class: "ref", "data-testid": "error-ref" }, [e.ref])
            : h("button", { type: "button", class: "ref link", "data-testid": "error-ref" }, [e.ref]);
        if (e.code !== "sheet.missing") on(ref, "click", () => onSelect(e));
        return h("li", { "data-testid": "error-item" }, [ref, h("div", { class: "small" }, [lang === "zh" ? e.zh : e.en])]);
      }),
    ),
    errors.length > shown.length ? h("div", { class: "small" }, [t.moreErrors(errors.length - shown.length)]) : null,
  ]);
}

/** The card after each run (greyed and labelled when a later run was refused). */
function summaryCard(lang: Lang, s: RunSummary, stale: boolean): HTMLElement {
  const t = STRINGS[lang];
  const f = s.figures;
  const row = (label: string, value: Child | Child[], testId?: string) =>
    h("tr", {}, [h("th", { scope: "row" }, [label]), h("td", { "data-testid": testId }, value instanceof Array ? value : [value])]);
  const est = s.other === undefined ? undefined : s.stage === "settlement" ? s.other : f;
  const set = s.other === undefined ? undefined : s.stage === "settlement" ? f : s.other;
  const vote =
    s.vote === undefined ? [t.noVote] : t.voteClauses(s.vote.participationPassed, s.vote.approvalPassed).map((c) => h("span", { class: "clause" }, [c]));
  return h("section", { class: stale ? "card stale" : "card", "data-testid": "summary", "data-stale": stale ? "true" : "false" }, [
    stale ? h("div", { class: "stale-note", "data-testid": "summary-stale" }, [t.staleSummary]) : null,
    h("div", { class: "card-head" }, [
      h("span", { class: "strong", "data-testid": "summary-title" }, [s.projectName !== undefined ? s.projectName : t.summaryHeading]),
      h("span", { class: s.stage === "settlement" ? "badge good" : "badge info", "data-testid": "summary-stage" }, [t.stage(s.stage)]),
    ]),
    h("table", { class: "figures" }, [
      h("tbody", {}, [
        row(t.total, `${f.total} ${t.yuan}`, "sum-total"),
        row(t.resident, `${f.resident} ${t.yuan}`, "sum-resident"),
        row(t.social, `${f.social} ${t.yuan}`, "sum-social"),
        row(t.fiscal, `${f.fiscal} ${t.yuan}`, "sum-fiscal"),
        row(t.fiscalPerSqm, `${f.fiscalPerSqm} ${t.perSqm}`, "sum-per-sqm"),
        row(t.households, String(s.households), "sum-households"),
        s.collectionRate === undefined
          ? null
          : row(
              t.collection,
              [
                `${s.collectionRate} `,
                h("span", { class: s.fullyCollected ? "badge good" : "badge warn" }, [s.fullyCollected ? t.fullyCollected : t.notFullyCollected]),
              ],
              "sum-collection",
            ),
      ]),
    ]),
    h("div", { class: "label" }, [t.vote]),
    h("div", { "data-testid": "sum-vote" }, vote),
    h("div", { class: "label" }, [t.approvalPath]),
    h("div", { "data-testid": "sum-approval" }, [t.approval(f.approvalPath)]),
    h("table", { class: "figures" }, [h("tbody", {}, [row(t.policyUsed, s.policyId, "sum-policy")])]),
    est !== undefined && set !== undefined && s.difference !== undefined
      ? h("div", { "data-testid": "sum-stages" }, [
          h("div", { class: "strong" }, [t.stagesHeading]),
          h("table", { class: "stages" }, [
            h("thead", {}, [h("tr", {}, [h("th", {}), h("th", {}, [t.estimate]), h("th", {}, [t.settlement]), h("th", {}, [t.difference])])]),
            h("tbody", {}, [
              h("tr", {}, [h("th", { scope: "row" }, [t.total]), h("td", {}, [est.total]), h("td", {}, [set.total]), h("td", {}, [s.difference.total])]),
              h("tr", {}, [h("th", { scope: "row" }, [t.fiscal]), h("td", {}, [est.fiscal]), h("td", {}, [set.fiscal]), h("td", {}, [s.difference.fiscal])]),
            ]),
          ]),
        ])
      : null,
  ]);
}
