/**
 * A stand-in for Excel's `CustomFunctions` global (CustomFunctionsRuntime 1.2): `Error`, `ErrorCode`,
 * `associate`. Unit tests install it on globalThis; the bundle test puts it in a vm context.
 */
export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export interface CustomFunctionsStub {
  readonly Error: typeof StubError;
  readonly ErrorCode: typeof ErrorCode;
  readonly associated: Map<string, (...args: unknown[]) => unknown>;
  associate(id: string, fn: (...args: unknown[]) => unknown): void;
}

export function makeCustomFunctionsStub(): CustomFunctionsStub {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: StubError,
    ErrorCode,
    associated,
    associate(id, fn) {
      if (associated.has(id)) throw new Error(`associated twice: ${id}`);
      associated.set(id, fn);
    },
  };
}

/** Installs the stub as the global `CustomFunctions` (what functions.ts finds at call time). */
export function installCustomFunctionsStub(): CustomFunctionsStub {
  const stub = makeCustomFunctionsStub();
  (globalThis as Record<string, unknown>).CustomFunctions = stub;
  return stub;
}

/** The #VALUE! message of a result, or undefined when the result is a value. */
export function errorMessage(result: unknown): string | undefined {
  return result instanceof StubError ? result.message : undefined;
}
