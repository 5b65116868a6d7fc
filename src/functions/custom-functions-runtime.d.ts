/**
 * The part of Excel's custom-functions runtime (CustomFunctionsRuntime 1.2) this add-in uses.
 * Declared here because @types/custom-functions-runtime is not a dependency; the names and values
 * follow Microsoft's reference (custom-functions-runtime: CustomFunctions.Error, ErrorCode, associate).
 */
declare namespace CustomFunctions {
  /** Registers a function under its metadata id (the metadata plugin appends these calls). */
  function associate(id: string, fn: (...args: never[]) => unknown): void;

  /** Error values a custom function may return; only #VALUE! and #N/A carry a message. */
  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  /** An error value for a cell (CustomFunctionsRuntime 1.2). */
  class Error {
    constructor(code: ErrorCode, message?: string);
    code: ErrorCode;
    message?: string;
  }
}
