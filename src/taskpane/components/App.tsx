/**
 * The task pane. It receives the workflows as a prop and never calls Office.js itself; what it shows
 * after each action comes from the pure reducer in state.ts. Cell text is rendered as React text
 * children only (escaped), never as HTML.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, ProgressBar, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BUILT_IN_POLICY_IDS, BuiltInPolicyId } from "../../engine";
import type { PortFeatures } from "../../excel/office-port";
import { CalendarDate, dateText } from "../../workbook";
import { Lang, STRINGS, say } from "../i18n";
import { INITIAL_STATE, PaneEvent, PaneState, paneReducer } from "../state";
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
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  heading: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hint: { color: tokens.colorNeutralForeground3 },
  rule: { border: "none", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: 0, width: "100%" },
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

/** `2024-05-06` → a calendar date; undefined for blank or invalid text. */
export function parseDateInput(text: string): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m === null) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return check.getUTCMonth() === d.month - 1 && check.getUTCDate() === d.day ? d : undefined;
}

function todayText(): string {
  const d = new Date();
  return dateText({ year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() });
}

const choiceValue = (c: PolicyChoice) => (c.kind === "workbook" ? "workbook" : c.id);
const choiceOf = (v: string): PolicyChoice =>
  (BUILT_IN_POLICY_IDS as readonly string[]).includes(v) ? { kind: "builtin", id: v as BuiltInPolicyId } : { kind: "workbook" };

export interface AppProps {
  readonly lang: Lang;
  readonly workflows: Workflows;
  readonly features?: PortFeatures;
}

export function App({ lang, workflows, features }: AppProps): React.ReactElement {
  const t = STRINGS[lang];
  const styles = useStyles();
  const reducer = React.useMemo(() => paneReducer(lang), [lang]);
  const [state, dispatch] = React.useReducer(reducer, INITIAL_STATE) as [PaneState, React.Dispatch<PaneEvent>];
  const [example, setExample] = React.useState(true);
  const [choice, setChoice] = React.useState<PolicyChoice>({ kind: "workbook" });
  const [start, setStart] = React.useState(todayText());
  const [end, setEnd] = React.useState("");
  const [publisher, setPublisher] = React.useState("");
  const showProgress = useDelayedFlag(state.busy !== null && state.busy !== "select" && state.busy !== "policy", 1000);
  const busy = state.busy !== null;

  const onPhase = React.useCallback(
    (phase: "read" | "validate" | "write", done: number, total: number) => dispatch({ type: "progress", phase, done, total }),
    [],
  );

  /** Runs one action; every failure reaches the user as a message. */
  const act = React.useCallback(async (action: PaneEvent & { type: "start" }, body: () => Promise<PaneEvent>): Promise<PaneEvent> => {
    dispatch(action);
    let event: PaneEvent;
    try {
      event = await body();
    } catch (e) {
      event = { type: "failed", error: e };
    }
    dispatch(event);
    return event;
  }, []);

  const loadPolicy = React.useCallback(
    (c: PolicyChoice) => act({ type: "start", action: "policy" }, async () => ({ type: "policy", outcome: await workflows.policy(c) })),
    [act, workflows],
  );
  React.useEffect(() => {
    void loadPolicy(choice);
  }, [choice, loadPolicy]);

  const create = async () => {
    const event = await act({ type: "start", action: "create" }, async () => ({ type: "created", outcome: await workflows.createWorkbook(example) }));
    // The new 政策参数 sheet is now the workbook's policy: show its parameters.
    if (event.type === "created" && event.outcome.kind === "created" && choice.kind === "workbook") await loadPolicy(choice);
  };
  const run = (action: "calculate" | "check") =>
    act({ type: "start", action }, async () => ({
      type: "ran",
      action,
      outcome: action === "calculate" ? await workflows.calculate(choice, onPhase) : await workflows.check(choice, onPhase),
    }));
  const publish = () => {
    const s = parseDateInput(start);
    const e = end.trim() === "" ? undefined : parseDateInput(end);
    if (s === undefined || (end.trim() !== "" && e === undefined)) {
      dispatch({ type: "failed", error: new Error(say(lang, "pane.badDate")) });
      return;
    }
    void act({ type: "start", action: "publicity" }, async () => ({
      type: "published",
      outcome: await workflows.publicity(choice, { start: s, end: e, publisher: publisher.trim() === "" ? undefined : publisher.trim() }, onPhase),
    }));
  };
  const select = (e: (typeof state.errors)[number]) =>
    act({ type: "start", action: "select" }, async () => {
      await workflows.select(e);
      return { type: "selected" };
    });

  const degraded = features !== undefined && Object.values(features).some((f) => !f);
  const progress = state.progress;

  return (
    <main className={styles.root} data-testid="app" lang={lang === "zh" ? "zh-CN" : "en"}>
      <header className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t.title}
        </Text>
        <Text size={200} className={styles.hint}>
          {t.subtitle}
        </Text>
      </header>
      {degraded && (
        <MessageBar intent="info">
          <MessageBarBody>{t.degraded}</MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="h-workbook">
        <Text id="h-workbook" as="h2" className={styles.heading}>
          {t.workbookHeading}
        </Text>
        <Checkbox checked={example} onChange={(_, d) => setExample(d.checked === true)} label={t.withExample} data-testid="example" />
        <div className={styles.row}>
          <Button onClick={() => void create()} disabled={busy} data-testid="create">
            {t.create}
          </Button>
        </div>
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-policy">
        <Text id="h-policy" as="h2" className={styles.heading}>
          {t.policyHeading}
        </Text>
        <Field label={t.policyLabel}>
          <Select value={choiceValue(choice)} onChange={(_, d) => setChoice(choiceOf(d.value))} disabled={busy} data-testid="policy">
            <option value="workbook">{t.policyWorkbook}</option>
            {BUILT_IN_POLICY_IDS.map((id) => (
              <option key={id} value={id}>
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
          <Button appearance="primary" onClick={() => void run("calculate")} disabled={busy} data-testid="calculate">
            {t.calculate}
          </Button>
          <Button onClick={() => void run("check")} disabled={busy} data-testid="check">
            {t.check}
          </Button>
        </div>
        {showProgress && (
          <Field validationMessage={progress === null ? t.phase.read : t.phase[progress.phase]} validationState="none" data-testid="progress">
            <ProgressBar value={progress !== null && progress.total > 0 && progress.phase !== "validate" ? progress.done / progress.total : undefined} />
          </Field>
        )}
        {state.message !== null && (
          <MessageBar intent={state.message.intent} data-testid="message">
            <MessageBarBody>{state.message.text}</MessageBarBody>
          </MessageBar>
        )}
        <ErrorList lang={lang} errors={state.errors} onSelect={(e) => void select(e)} />
        {state.summary !== null && <SummaryCard lang={lang} summary={state.summary} />}
      </section>
      <hr className={styles.rule} />

      <section className={styles.section} aria-labelledby="h-publicity">
        <Text id="h-publicity" as="h2" className={styles.heading}>
          {t.publicityHeading}
        </Text>
        <Field label={t.publicityStart}>
          <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} data-testid="publicity-start" />
        </Field>
        <Field label={t.publicityEnd}>
          <Input type="date" value={end} onChange={(_, d) => setEnd(d.value)} />
        </Field>
        <Field label={t.publisher}>
          <Input value={publisher} onChange={(_, d) => setPublisher(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button onClick={publish} disabled={busy} data-testid="publicity">
            {t.publicity}
          </Button>
        </div>
      </section>
    </main>
  );
}
