/**
 * Input problems of a custom-function call, as values (house style: errors are values).
 *
 * A custom function reports ONE problem — the first in argument and row order — because a spilled
 * array containing errors shows as a single #VALUE! on Windows (office-platform.md, office-js #2174).
 * The path is `[argument]` or `[argument, row]` (row 0-based); `issueText` turns it into the short
 * Chinese message of the #VALUE! error, e.g. `areas 第2行：面积必须大于0，实为 0`.
 */
import { EngineError, MessageArgs, MessageCode, Path, Result, message, renameError } from "../engine";

export interface Issue {
  /** `[argument]` or `[argument, row]`, row 0-based within the range. */
  readonly path: Path;
  readonly zh: string;
  readonly en: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: Issue };

export const good = <T>(value: T): Checked<T> => ({ ok: true, value });
export const bad = <T = never>(issue: Issue): Checked<T> => ({ ok: false, issue });

/** An issue from the catalogue at `[argument]` or `[argument, row]`. */
export function issue<C extends MessageCode>(path: Path, code: C, ...args: MessageArgs<C>): Issue {
  return { path, ...message(code, ...args) };
}

/** `[policy, 2]` → `policy 第3行` (other places a message names, e.g. the first of two duplicate keys). */
function placeText(path: Path): string {
  const [arg, row] = path;
  return typeof row === "number" ? `${String(arg)} 第${row + 1}行` : String(arg);
}

/** The first engine error of a failed result, its path replaced by `where` when given. */
export function fromResult<T>(r: Result<T>, where?: (e: EngineError) => Path): Checked<T> {
  if (r.ok) return good(r.value);
  const e = renameError(r.errors[0], placeText);
  return bad({ path: where ? where(e) : e.path, zh: e.zh, en: e.en });
}

/** Longest message we hand to Excel; the error tooltip is small and some hosts truncate. */
export const MAX_MESSAGE = 250;

/** `[areas, 1]` + zh → `areas 第2行：…` (rows are shown 1-based, as the user counts them). */
export function issueText(issue: Issue, lang: "zh" | "en" = "zh"): string {
  const [arg, row] = issue.path;
  const where = arg === undefined ? "" : typeof row === "number" ? (lang === "zh" ? `${arg} 第${row + 1}行` : `${arg} row ${row + 1}`) : String(arg);
  const text = where === "" ? issue[lang] : `${where}${lang === "zh" ? "：" : ": "}${issue[lang]}`;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
