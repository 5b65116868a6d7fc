/**
 * 检查's list: every input problem with its cell; clicking one selects that cell in the sheet.
 * The message and the address are React text (escaped): a cell holding `<img …>` shows literally.
 */
import * as React from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookError } from "../../workbook";
import { Lang, STRINGS } from "../i18n";
import { isSelectable } from "../workflows";

/** How many problems are listed (the rest are counted). */
export const MAX_LISTED = 200;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", flexDirection: "column", borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: tokens.spacingHorizontalS },
  ref: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, textAlign: "left" },
  heading: { fontWeight: tokens.fontWeightSemibold },
});

export interface ErrorListProps {
  readonly lang: Lang;
  readonly errors: readonly WorkbookError[];
  readonly onSelect: (e: WorkbookError) => void;
}

export function ErrorList({ lang, errors, onSelect }: ErrorListProps): React.ReactElement | null {
  const styles = useStyles();
  const t = STRINGS[lang];
  if (errors.length === 0) return null;
  const shown = errors.slice(0, MAX_LISTED);
  return (
    <section aria-label={t.errorsHeading(errors.length)} data-testid="errors">
      <Text className={styles.heading}>{t.errorsHeading(errors.length)}</Text>
      <ul className={styles.list}>
        {shown.map((e, i) => (
          <li key={`${e.ref}-${e.code}-${i}`} className={styles.item} data-testid="error-item">
            {isSelectable(e) ? (
              <Link as="button" className={styles.ref} onClick={() => onSelect(e)} data-testid="error-ref">
                {e.ref}
              </Link>
            ) : (
              <Text className={styles.ref} data-testid="error-ref">
                {e.ref}
              </Text>
            )}
            <Text size={200}>{lang === "zh" ? e.zh : e.en}</Text>
          </li>
        ))}
      </ul>
      {errors.length > shown.length && <Text size={200}>{t.moreErrors(errors.length - shown.length)}</Text>}
    </section>
  );
}
