/**
 * Command-line arguments through `node:util` `parseArgs` (strict), with the problems of a command line
 * said in Chinese and English and followed by the command's usage: an unknown option, an option without
 * its value, a value given to a switch, one positional argument too many. Every one is exit 2.
 */
import { parseArgs } from "node:util";
import { InputError, inputError, withUsage } from "./io";

/** The options of one command, as `parseArgs` takes them (strings and switches only). */
export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string }>;

export interface ParsedArgs {
  /** Option values by long name: a string, true for a switch given, undefined when absent. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** What went wrong, found by reading the arguments again without strictness. */
function describe(argv: readonly string[], options: OptionSpec): InputError | undefined {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const spec = options[t.name];
    if (spec === undefined) return inputError("cli.unknownOption", { option: t.rawName });
    if (spec.type === "boolean" && t.value !== undefined) return inputError("cli.optionNoValue", { option: t.rawName });
    const value = t.value;
    if (spec.type === "string" && value === undefined) return inputError("cli.optionValue", { option: t.rawName });
    if (spec.type === "string" && t.inlineValue !== true && value !== undefined && value.startsWith("-")) {
      return inputError("cli.optionDashValue", { option: t.rawName, name: t.name, value });
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
    throw withUsage(describe(argv, options) ?? inputError("cli.invalidArguments", { detail: (e as Error).message }), usage);
  }
  if (parsed.positionals.length > maxPositionals) {
    const extra = parsed.positionals[maxPositionals];
    throw withUsage(inputError("cli.unexpectedArgument", { argument: extra }), usage);
  }
  return { values: parsed.values as ParsedArgs["values"], positionals: parsed.positionals };
}
