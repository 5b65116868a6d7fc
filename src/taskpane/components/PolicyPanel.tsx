/**
 * The parameters in force for the chosen policy (the 政策参数 sheet's, or a built-in's), as the last
 * action read them, and which rows of 政策参数 change the base policy (with the base's value).
 */
import * as React from "react";
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { PARAMETER_KEYS, PARAMETER_NOTES, exactPercentText } from "../../engine";
import { Lang, STRINGS } from "../i18n";
import type { PolicyChoice, PolicyOutcome } from "../workflows";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXS },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `2px ${tokens.spacingHorizontalXS}`,
  },
  td: { borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, padding: `2px ${tokens.spacingHorizontalXS}`, wordBreak: "break-all" },
  key: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  changed: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteMarigoldForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
  details: { marginTop: tokens.spacingVerticalXS },
  summary: { cursor: "pointer", fontSize: tokens.fontSizeBase200 },
  overrides: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface PolicyPanelProps {
  readonly lang: Lang;
  readonly outcome: PolicyOutcome | null;
  readonly choice: PolicyChoice;
}

export function PolicyPanel({ lang, outcome, choice }: PolicyPanelProps): React.ReactElement | null {
  const styles = useStyles();
  const t = STRINGS[lang];
  if (outcome === null || outcome.kind !== "policy") return null;
  const p = outcome.policy;
  const source = choice.kind === "builtin" ? t.policyBuiltIn(p.id) : outcome.fromSheet ? t.policyFromSheet(p.id) : t.policyDefaultNoSheet;
  const rate = (k: "tier.basic.rate" | "tier.improvement.rate" | "tier.enhancement.rate") => exactPercentText(String(p.parameters[k]));
  const cap = p.parameters["cap.perSqm"];
  const shown = (v: number | string | null) => (v === null ? t.noCap : String(v));
  return (
    <div data-testid="policy-panel">
      <Text size={200} className={styles.hint}>
        {source}
      </Text>
      {outcome.fromSheet && (
        <div data-testid="policy-overrides">
          {p.overridden.length === 0 ? (
            <Text size={200}>{t.overridesNone(p.base)}</Text>
          ) : (
            <>
              <Text size={200}>{t.overrides(p.overridden.length, p.base)}</Text>
              <ul className={styles.overrides}>
                {p.overridden.map((k) => (
                  <li key={k} className={styles.changed}>
                    {t.overrideRow(k, shown(p.parameters[k]), shown(p.baseParameters[k]))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <details className={styles.details}>
        <summary className={styles.summary} data-testid="policy-brief">
          {t.policyBrief(
            `${rate("tier.basic.rate")} / ${rate("tier.improvement.rate")} / ${rate("tier.enhancement.rate")}`,
            cap === null ? t.noCap : `${cap} ${t.perSqm}`,
          )}
        </summary>
        <table className={styles.table} aria-label={t.policyInForce}>
          <thead>
            <tr>
              <th className={styles.th}>{t.paramKey}</th>
              <th className={styles.th}>{t.paramValue}</th>
              <th className={styles.th}>{t.baseColumn}</th>
            </tr>
          </thead>
          <tbody>
            {PARAMETER_KEYS.map((k) => {
              const v = p.parameters[k];
              const changed = p.overridden.includes(k);
              return (
                <tr key={k}>
                  <td className={mergeClasses(styles.td, styles.key)} title={PARAMETER_NOTES[k]}>
                    {k}
                  </td>
                  <td className={mergeClasses(styles.td, changed ? styles.changed : undefined)}>
                    {shown(v)}
                    {changed ? ` (${t.changed})` : ""}
                  </td>
                  <td className={styles.td}>{shown(p.baseParameters[k])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
