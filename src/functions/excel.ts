/**
 * The Excel edge: a checked value becomes the cell's value, an input problem becomes ONE #VALUE!
 * carrying a short Chinese message (`CustomFunctions.Error`, CustomFunctionsRuntime 1.2). Never the
 * string "#VALUE!" (ISERROR would be FALSE) and never an uncaught throw (office-platform.md).
 */
import { Checked, issue, issueText } from "./issues";

/** A #VALUE! error value with its message. */
export function valueError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/**
 * Runs a function body and turns its outcome into what Excel expects. A thrown exception is a bug,
 * not bad input: it still becomes a #VALUE! with a message instead of escaping to Excel.
 */
export function toCell<T>(body: () => Checked<T>): T | CustomFunctions.Error {
  try {
    const r = body();
    return r.ok ? r.value : valueError(issueText(r.issue));
  } catch (e) {
    return valueError(issueText(issue([], "internal", { detail: e instanceof Error ? e.message : String(e) })));
  }
}
