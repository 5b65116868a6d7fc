/** Types of scripts/build-cli.js for the tests and benchmarks written in TypeScript. */
/** Why lib/ must be rebuilt, or null when it is up to date. */
export function cliStaleReason(root?: string): string | null;
/** Builds lib/ when it is missing or stale; `log` is told when a build happens. */
export function ensureCli(log?: (line: string) => void): void;
/** Builds lib/ now. */
export function buildCli(): void;
/** The absolute path of lib/. */
export const LIB: string;
/** Runs `f` holding the build lock named `name` (default `lib-build`); returns what `f` returns. */
export function withLock<T>(f: () => T, name?: string): T;
