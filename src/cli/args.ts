/**
 * Command-line arguments through `node:util` `parseArgs` (strict), with the problems of a command line
 * said in Chinese and English and followed by the command's usage: an unknown option, an option without
 * its value, a value given to a switch, one positional argument too many. Every one is exit 2.
 */
import { parseArgs } from "node:util";
import { InputError } from "./io";

/** The options of one command, as `parseArgs` takes them (strings and switches only). */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

export interface ParsedArgs {
  /** Option values by long name: a string, true for a switch given, undefined when absent. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** What went wrong, found by reading the arguments again without strictness. */
function describe(argv: readonly string[], options: OptionSpec): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const spec = options[t.name];
    if (spec === undefined) return `未知选项 ${t.rawName} / unknown option ${t.rawName}`;
    if (spec.type === "boolean" && t.value !== undefined) return `选项 ${t.rawName} 不带值 / option ${t.rawName} takes no value`;
    const value = t.value;
    if (spec.type === "string" && value === undefined) return `选项 ${t.rawName} 需要一个值 / option ${t.rawName} needs a value`;
    if (spec.type === "string" && t.inlineValue !== true && value !== undefined && value.startsWith("-")) {
      return `选项 ${t.rawName} 的值 ${value} 以 - 开头，请写成 --${t.name}=${value} / the value ${value} of ${t.rawName} starts with "-": write --${t.name}=${value}`;
    }
  }
  return undefined;
}

/**
 * Parses `argv` against `options`; at most `maxPositionals` plain arguments. Any problem is an
 * InputError (exit 2) whose message ends with `usage`.
 */
export function parseCommandLine(argv: readonly string[], options: OptionSpec, maxPositionals: number, usage: string): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (e) {
    const why = describe(argv, options) ?? `参数有误 / invalid arguments: ${(e as Error).message}`;
    throw new InputError(`${why}\n\n${usage}`);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw new InputError(`多余的参数 ${extra} / unexpected argument ${extra}\n\n${usage}`);
  }
  return { values: parsed.values as ParsedArgs["values"], positionals: parsed.positionals };
}
