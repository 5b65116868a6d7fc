/**
 * The shape of one catalogue entry: a Chinese and an English text built from the same parameters.
 * Every user-facing message of the product is one entry (messages/index.ts): the engine, the workbook
 * layout, the custom functions, the command line and the task pane all render from it.
 */
export interface Text<P> {
  readonly zh: (p: P) => string;
  readonly en: (p: P) => string;
}

/** One entry; `P` is the parameters object (`void` for a fixed text). */
export function text<P = void>(zh: (p: P) => string, en: (p: P) => string): Text<P> {
  return { zh, en };
}

/** A message rendered in both languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** `a、b、c` in Chinese, `a, b, c` in English. */
export const listZh = (items: readonly string[]): string => items.join("、");
export const listEn = (items: readonly string[]): string => items.join(", ");
