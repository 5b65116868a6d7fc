/** The card after each run: T, R, S, F, F/m², collection rate, vote, approval path; both stages when filled. */
import * as React from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Lang, STRINGS } from "../i18n";
import type { RunSummary } from "../workflows";

const useStyles = makeStyles({
  // A card in the look of Fluent's Card, without its interactive machinery (a smaller bundle).
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  badge: {
    display: "inline-block",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: "nowrap",
  },
  info: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2 },
  good: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  warn: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteMarigoldForeground2 },
  grid: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  label: { color: tokens.colorNeutralForeground3, margin: 0 },
  value: { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  wide: { gridColumn: "1 / span 2", margin: 0 },
  stages: { width: "100%", borderCollapse: "collapse", fontVariantNumeric: "tabular-nums", fontSize: tokens.fontSizeBase200 },
  num: { textAlign: "right" },
  // A clause of the vote line breaks only between clauses, never inside （双四分之三）.
  clause: { whiteSpace: "nowrap" },
  // A card that no longer describes the workbook: greyed, with a line saying so.
  stale: { opacity: 0.6, filter: "grayscale(1)" },
  staleNote: { color: tokens.colorPaletteMarigoldForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface SummaryCardProps {
  readonly lang: Lang;
  readonly summary: RunSummary;
  /** A later run was refused or failed: the card shows the last successful run and says so. */
  readonly stale?: boolean;
}

export function SummaryCard({ lang, summary: s, stale = false }: SummaryCardProps): React.ReactElement {
  const styles = useStyles();
  const t = STRINGS[lang];
  const f = s.figures;
  const approval = t.approval(f.approvalPath);
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <React.Fragment key={label}>
      <dt className={styles.label}>{label}</dt>
      <dd className={styles.value} data-testid={testId}>
        {value}
      </dd>
    </React.Fragment>
  );
  const est = s.other === undefined ? undefined : s.stage === "settlement" ? s.other : f;
  const set = s.other === undefined ? undefined : s.stage === "settlement" ? f : s.other;
  return (
    <section
      className={mergeClasses(styles.card, stale ? styles.stale : undefined)}
      data-testid="summary"
      data-stale={stale ? "true" : "false"}
      aria-label={stale ? t.staleSummary : t.summaryHeading}
    >
      {stale && (
        <Text className={styles.staleNote} data-testid="summary-stale">
          {t.staleSummary}
        </Text>
      )}
      <div className={styles.header}>
        <Text weight="semibold" data-testid="summary-title">
          {s.projectName ?? t.summaryHeading}
        </Text>
        <span className={mergeClasses(styles.badge, s.stage === "settlement" ? styles.good : styles.info)} data-testid="summary-stage">
          {t.stage(s.stage)}
        </span>
      </div>
      <dl className={styles.grid}>
        {row(t.total, `${f.total} ${t.yuan}`, "sum-total")}
        {row(t.resident, `${f.resident} ${t.yuan}`, "sum-resident")}
        {row(t.social, `${f.social} ${t.yuan}`, "sum-social")}
        {row(t.fiscal, `${f.fiscal} ${t.yuan}`, "sum-fiscal")}
        {row(t.fiscalPerSqm, `${f.fiscalPerSqm} ${t.perSqm}`, "sum-per-sqm")}
        {row(t.households, String(s.households), "sum-households")}
        {s.collectionRate !== undefined &&
          row(
            t.collection,
            <>
              {s.collectionRate}{" "}
              <span className={mergeClasses(styles.badge, s.fullyCollected ? styles.good : styles.warn)}>
                {s.fullyCollected ? t.fullyCollected : t.notFullyCollected}
              </span>
            </>,
            "sum-collection",
          )}
        <dt className={styles.wide}>
          <Text className={styles.label}>{t.vote}</Text>
        </dt>
        <dd className={styles.wide} data-testid="sum-vote">
          {s.vote === undefined
            ? t.noVote
            : t.voteClauses(s.vote.participationPassed, s.vote.approvalPassed).map((c) => (
                <span key={c} className={styles.clause}>
                  {c}
                </span>
              ))}
        </dd>
        <dt className={styles.wide}>
          <Text className={styles.label}>{t.approvalPath}</Text>
        </dt>
        <dd className={styles.wide} data-testid="sum-approval">
          {approval}
        </dd>
        {row(t.policyUsed, s.policyId, "sum-policy")}
      </dl>
      {est !== undefined && set !== undefined && s.difference !== undefined && (
        <div data-testid="sum-stages">
          <Text weight="semibold">{t.stagesHeading}</Text>
          <table className={styles.stages}>
            <thead>
              <tr>
                <th />
                <th className={styles.num}>{t.estimate}</th>
                <th className={styles.num}>{t.settlement}</th>
                <th className={styles.num}>{t.difference}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t.total}</th>
                <td className={styles.num}>{est.total}</td>
                <td className={styles.num}>{set.total}</td>
                <td className={styles.num}>{s.difference.total}</td>
              </tr>
              <tr>
                <th scope="row">{t.fiscal}</th>
                <td className={styles.num}>{est.fiscal}</td>
                <td className={styles.num}>{set.fiscal}</td>
                <td className={styles.num}>{s.difference.fiscal}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
