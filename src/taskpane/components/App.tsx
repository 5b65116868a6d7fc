/**
 * The task pane. It receives the workflows as a prop and never calls Office.js itself; what each button
 * does is controller.ts (shared with the legacy pane for Internet Explorer 11), what the user is told
 * after each action comes from the pure reducer in state.ts. Cell text is rendered as React text children
 * only (escaped), never as HTML. Everything fits a 320 px wide pane.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BUILT_IN_POLICY_IDS } from "../../engine";
import type { HostAbilities } from "../../excel/environment";
import type { PortFeatures } from "../../excel/office-port";
import { PaneForm, choiceOf, choiceValue, createPaneActions, displayDate, parseDateInput, perPageOf, todayText } from "../controller";
import { Lang, STRINGS } from "../i18n";
import { Area, INITIAL_STATE, PaneEvent, PaneState, paneReducer } from "../state";
import { missingNotes } from "../support";
import { PolicyChoice, Workflows } from "../workflows";
import { ErrorList } from "./ErrorList";
import { PolicyPanel } from "./PolicyPanel";
import { SummaryCard } from "./SummaryCard";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    minWidth: 0,
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground3 },
  rule: { border: "none", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: 0, width: "100%" },
  // A <select> is as wide as its longest option unless told otherwise: keep it inside the pane.
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%", width: "100%", "& select": { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" } },
  // Excel's messages can be long and unbroken (codes, paths): wrap them inside the box.
  message: { minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  messageBody: { overflowWrap: "anywhere", wordBreak: "break-word", whiteSpace: "normal", minWidth: 0 },
});

/** True once `active` has stayed true for `delayMs` (the progress bar shows on runs over a second). */
export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    if (!active) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return shown;
}

export interface AppProps {
  readonly lang: Lang;
  readonly workflows: Workflows;
  readonly features?: PortFeatures;
  readonly abilities?: HostAbilities;
}

export function App({ lang, workflows, features, abilities }: AppProps): React.ReactElement {
  const t = STRINGS[lang];
  const styles = useStyles();
  const reducer = React.useMemo(() => paneReducer(lang), [lang]);
  const [state, dispatch] = React.useReducer(reducer, INITIAL_STATE) as [PaneState, React.Dispatch<PaneEvent>];
  const [example, setExample] = React.useState(true);
  const [choice, setChoice] = React.useState<PolicyChoice>({ kind: "workbook" });
  const [start, setStart] = React.useState(todayText());
  const [end, setEnd] = React.useState("");
  const [publisher, setPublisher] = React.useState("");
  const [perPage, setPerPage] = React.useState<2 | 4>(2);
  const showProgress = useDelayedFlag(state.busy !== null && state.busy !== "select" && state.busy !== "policy", 1000);
  const busy = state.busy !== null;
  const actions = React.useMemo(() => createPaneActions(workflows, lang, dispatch), [workflows, lang]);
  const form: PaneForm = { example, choice, start, end, publisher, perPage };

  React.useEffect(() => {
    void actions.loadPolicy(choice);
  }, [choice, actions]);

  const notes = missingNotes(abilities, features, lang);
  const progress = state.progress;
  /** What a typed date is, in the pane's language, under its field. */
  const dateHint = (text: string) => {
    const d = parseDateInput(text);
    return text.trim() === "" ? undefined : d === undefined ? t.dateExample.trim() : t.dateShown(displayDate(d, lang));
  };

  /** Progress, message and problem list, in the section of the action they are about (next to its button). */
  const feedback = (area: Area) =>
    state.area !== area ? null : (
      <>
        {showProgress && (
          <Field validationMessage={progress === null ? t.phase.read : t.phase[progress.phase]} validationState="none" data-testid="progress">
            <ProgressBar value={progress !== null && progress.total > 0 && progress.phase !== "validate" ? progress.done / progress.total : undefined} />
          </Field>
        )}
        {state.message !== null && (
          <MessageBar intent={state.message.intent} layout="multiline" className={styles.message} data-testid="message">
            <MessageBarBody className={styles.messageBody}>{state.message.text}</MessageBarBody>
          </MessageBar>
        )}
        <ErrorList lang={lang} errors={state.errors} onSelect={(e) => void actions.select(e)} />
      </>
    );

  return (
    <main className={styles.root} data-testid="app" data-pane="modern" lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.subtitle}
        </Text>
      </header>
      {notes.length > 0 && (
        <MessageBar intent="info" layout="multiline" className={styles.message} data-testid="missing">
          <MessageBarBody className={styles.messageBody}>
            {notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="h-workbook">
        <Text id="h-workbook" as="h2" className={styles.heading}>
          {t.workbookHeading}
        </Text>
        <Checkbox checked={example} onChange={(_, d) => setExample(d.checked === true)} label={t.withExample} data-testid="example" />
        <div className={styles.row}>
          <Button onClick={() => void actions.create(form)} disabled={busy} data-testid="create">
            {t.create}
          </Button>
        </div>
        {feedback("workbook")}
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-policy">
        <Text id="h-policy" as="h2" className={styles.heading}>
          {t.policyHeading}
        </Text>
        <Field label={t.policyLabel} className={styles.field}>
          <Select value={choiceValue(choice)} onChange={(_, d) => setChoice(choiceOf(d.value))} disabled={busy} className={styles.select} data-testid="policy">
            <option value="workbook">{t.policyWorkbook}</option>
            {BUILT_IN_POLICY_IDS.map((id) => (
              <option key={id} value={id} title={t.policyName(id)}>
                {t.policyName(id)}
              </option>
            ))}
          </Select>
        </Field>
        <PolicyPanel lang={lang} outcome={state.policy} choice={choice} />
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-run">
        <Text id="h-run" as="h2" className={styles.heading}>
          {t.runHeading}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.calcHint}
        </Text>
        <div className={styles.row}>
          <Button appearance="primary" onClick={() => void actions.run("calculate", form)} disabled={busy} data-testid="calculate">
            {t.calculate}
          </Button>
          <Button onClick={() => void actions.run("check", form)} disabled={busy} data-testid="check">
            {t.check}
          </Button>
        </div>
        {feedback("run")}
        {state.summary !== null && <SummaryCard lang={lang} summary={state.summary} stale={state.summaryStale} />}
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-publicity">
        <Text id="h-publicity" as="h2" className={styles.heading}>
          {t.publicityHeading}
        </Text>
        {/* Text fields, not type="date": a date input follows the browser's locale (mm/dd/yyyy), not Office's language. */}
        <Field label={t.publicityStart} hint={dateHint(start)} className={styles.field}>
          <Input value={start} onChange={(_, d) => setStart(d.value)} placeholder="2026-11-30" inputMode="numeric" data-testid="publicity-start" />
        </Field>
        <Field label={t.publicityEnd} hint={dateHint(end)} className={styles.field}>
          <Input value={end} onChange={(_, d) => setEnd(d.value)} placeholder="2026-12-08" inputMode="numeric" data-testid="publicity-end" />
        </Field>
        <Field label={t.publisher} className={styles.field}>
          <Input value={publisher} onChange={(_, d) => setPublisher(d.value)} data-testid="publisher" />
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void actions.publish(form)} disabled={busy} data-testid="publicity">
            {t.publicity}
          </Button>
        </div>
        {feedback("publicity")}
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-notices">
        <Text id="h-notices" as="h2" className={styles.heading}>
          {t.noticesHeading}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.noticesHint}
        </Text>
        <Field label={t.perPage} className={styles.field}>
          <Select value={String(perPage)} onChange={(_, d) => setPerPage(perPageOf(d.value))} disabled={busy} className={styles.select} data-testid="per-page">
            {([2, 4] as const).map((n) => (
              <option key={n} value={String(n)}>
                {t.perPageOption(n)}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button onClick={() => void actions.notices(form)} disabled={busy} data-testid="notices">
            {t.notices}
          </Button>
        </div>
        {feedback("notices")}
      </section>
    </main>
  );
}
