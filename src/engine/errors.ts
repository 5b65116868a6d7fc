/**
 * Errors are values (funding-rules.md §8): where (a path), what was found, what was expected, in
 * Chinese and English from the one catalogue (messages/). Each edge names the place its own way: the
 * CLI prints `households[3].area`, the workbook layer `住户!C12`, custom functions `areas 第4行`.
 */
import { Bilingual, MESSAGES, MessageArgs, MessageCode, Text, message } from "./messages";

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface EngineError {
  readonly code: MessageCode;
  /** Where: `['households', 3, 'area']`. */
  readonly path: Path;
  /** What was found, as the user wrote it (may be absent). */
  readonly found?: string;
  /** The message's parameters (for re-rendering with places named by an edge). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Other places the message names (the first of two duplicates), by parameter. */
  readonly places?: Readonly<Record<string, Path>>;
  /** Message in Chinese and English, each naming what is expected. */
  readonly zh: string;
  readonly en: string;
}

/**
 * Builds an error value from the catalogue.
 * @example engineError("area.positive", ["households", 3, "area"], { found: "0" }).zh // "面积必须大于0，实为 0"
 */
export function engineError<C extends MessageCode>(code: C, path: Path, ...args: MessageArgs<C>): EngineError {
  const m = message(code, ...args);
  const params = args[0] as Record<string, unknown> | undefined;
  const found = typeof params?.found === "string" ? params.found : undefined;
  return { code, path, found, params, zh: m.zh, en: m.en };
}

/**
 * An error whose message names other places: each `places[k]` is a path, written into parameter `k`
 * (by `formatPath` here; `renameError` lets an edge name it as a cell or a row instead).
 */
export function engineErrorAt(code: MessageCode, path: Path, params: Readonly<Record<string, unknown>>, places: Readonly<Record<string, Path>>): EngineError {
  const named: Record<string, unknown> = { ...params };
  for (const [k, p] of Object.entries(places)) named[k] = formatPath(p);
  const entry = MESSAGES[code] as unknown as Text<unknown>;
  const found = typeof params.found === "string" ? params.found : undefined;
  return { code, path, found, params, places, zh: entry.zh(named), en: entry.en(named) };
}

/** The same error with its other places named by `name` (a cell `住户!A2`, a row `第3行`). */
export function renameError(e: EngineError, name: (path: Path) => string | undefined): EngineError {
  if (e.places === undefined) return e;
  const named: Record<string, unknown> = { ...e.params };
  for (const [k, p] of Object.entries(e.places)) named[k] = name(p) ?? formatPath(p);
  const entry = MESSAGES[e.code] as unknown as Text<unknown>;
  return { ...e, zh: entry.zh(named), en: entry.en(named) };
}

/** `['households', 3, 'area']` → `households[3].area`. */
export function formatPath(path: Path): string {
  let s = "";
  for (const seg of path) {
    if (typeof seg === "number") s += `[${seg}]`;
    else s += s === "" ? seg : `.${seg}`;
  }
  return s;
}

/** One line for a terminal or log: `households[3].area: 面积必须大于0，实为 0 / area must be …`. */
export function formatError(e: EngineError, lang: "zh" | "en" | "both" = "both"): string {
  const where = formatPath(e.path) || "(input)";
  return `${where}: ${bilingualText(e, lang)}`;
}

/** A message in one language or both (`中文 / English`). */
export function bilingualText(m: Bilingual, lang: "zh" | "en" | "both" = "both"): string {
  return lang === "zh" ? m.zh : lang === "en" ? m.en : `${m.zh} / ${m.en}`;
}

/** How a found value is shown in a message: text quoted as written, other values by type. */
export function describe(value: unknown): string {
  if (value === undefined) return "（空）";
  if (value === null) return "null";
  if (typeof value === "string") return value.trim() === "" ? "（空）" : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return "数组 array";
  if (typeof value === "object" && typeof (value as { toFixed?: unknown }).toFixed === "function") return String(value);
  return "对象 object";
}

/** Either a value or the errors that stopped it. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: EngineError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(errors: EngineError[]): Result<T> => ({ ok: false, errors });
