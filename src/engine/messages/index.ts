/**
 * The one message catalogue (zh + en) of the product: codes and parameters → text. The engine, the
 * workbook layout, the custom functions, the command line and the task pane render every message they
 * show from here, so one problem has one wording everywhere; tests pin the texts.
 */
import { Bilingual, Text } from "./define";
import { CLI_MESSAGES } from "./cli";
import { FILE_MESSAGES } from "./files";
import { ELEVATOR_MESSAGES } from "./elevator";
import { FUNCTION_MESSAGES } from "./functions";
import { INPUT_MESSAGES } from "./input";
import { PANE_MESSAGES } from "./pane";
import { PAPER_MESSAGES } from "./paper";
import { WORKBOOK_MESSAGES } from "./workbook";

export type { Bilingual, Text } from "./define";

export const MESSAGES = {
  ...INPUT_MESSAGES,
  ...ELEVATOR_MESSAGES,
  ...WORKBOOK_MESSAGES,
  ...FUNCTION_MESSAGES,
  ...CLI_MESSAGES,
  ...FILE_MESSAGES,
  ...PANE_MESSAGES,
  ...PAPER_MESSAGES,
} as const;

export type MessageCode = keyof typeof MESSAGES;
/** The parameters a code's texts take (`void` when none). */
export type MessageParams<C extends MessageCode> = (typeof MESSAGES)[C] extends Text<infer P> ? P : never;
/** `[]` for a fixed text, `[params]` otherwise. */
export type MessageArgs<C extends MessageCode> = MessageParams<C> extends void ? [] : [MessageParams<C>];

/**
 * Renders a message in both languages.
 * @example message("pane.invalid", { count: 3 }).zh // "发现 3 个输入问题，未写入任何内容。…"
 */
export function message<C extends MessageCode>(code: C, ...args: MessageArgs<C>): Bilingual {
  const entry = MESSAGES[code] as unknown as Text<unknown>;
  const p = args[0];
  return { zh: entry.zh(p), en: entry.en(p) };
}

/** True when `code` is a catalogue code. */
export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGES, code);
}
