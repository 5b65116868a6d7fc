/**
 * What legacy/polyfills.ts provides beyond what Internet Explorer 11 has. test/browser/legacy.test.ts refuses
 * any ES2015+ built-in the legacy bundle uses that is not listed here, and checks in a Node vm stripped of
 * these built-ins that the built polyfill file brings each one back.
 */

/** Globals provided (besides what IE11 has). */
export const LEGACY_GLOBALS: readonly string[] = ["Promise", "Symbol", "Map", "Set", "WeakMap", "globalThis"];

/** ES2015+ members provided on the built-ins (prototype and static), by name. */
export const LEGACY_MEMBERS: readonly string[] = [
  // Array
  "from",
  "of",
  "at",
  "copyWithin",
  "fill",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "includes",
  "entries",
  "keys",
  "values",
  "toReversed",
  "toSorted",
  // Object
  "assign",
  "fromEntries",
  "getOwnPropertySymbols",
  "is",
  "setPrototypeOf",
  // String
  "codePointAt",
  "fromCodePoint",
  "raw",
  "startsWith",
  "endsWith",
  "padStart",
  "padEnd",
  "repeat",
  "trimStart",
  "trimEnd",
  "matchAll",
  "replaceAll",
  "normalize",
  // Number
  "isInteger",
  "isSafeInteger",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "EPSILON",
  "MAX_SAFE_INTEGER",
  "MIN_SAFE_INTEGER",
  // Math
  "trunc",
  "sign",
  "log10",
  "log2",
  "cbrt",
  "hypot",
  "imul",
  "clz32",
  "fround",
  "expm1",
  "log1p",
  // Promise
  "allSettled",
  "any",
  "finally",
  // Symbol
  "iterator",
  "asyncIterator",
  "toStringTag",
  "hasInstance",
  "description",
  // typed arrays (Float64Array.prototype.sort …)
  "sort",
  "subarray",
  "set",
];
