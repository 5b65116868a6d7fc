/**
 * What Internet Explorer 11 (the webview of Excel 2016 / 2019 volume-licensed) lacks of what the shared
 * code uses, installed before anything else of the legacy bundle runs (webpack puts this module and
 * core-js in their own file, taskpane-legacy-polyfills.js, loaded first).
 *
 * core-js (its `es/` entries: standard behaviour, installed only where missing or broken — IE11's Map and
 * Set, for instance, ignore the iterable given to their constructor) gives Promise, Symbol and iteration,
 * Map / Set / WeakMap, and the ES2015+ members of Array, Object, String, Number, Math and the typed arrays.
 * core-js has no `String.prototype.normalize` (it would need Unicode tables): the NFKC subset below covers
 * what the readers normalise (full-width ASCII, the ideographic and no-break spaces, superscript and circled
 * digits, ㎡ and the like); test/browser/legacy.test.ts checks it against Node's own NFKC.
 *
 * provided.ts lists what this provides: the static check of the built bundle (test/browser/legacy.test.ts)
 * refuses any ES2015+ built-in the bundle uses that is not listed there.
 */
import "core-js/es/promise";
import "core-js/es/symbol";
import "core-js/es/map";
import "core-js/es/set";
import "core-js/es/weak-map";
import "core-js/es/array";
import "core-js/es/object";
import "core-js/es/string";
import "core-js/es/number";
import "core-js/es/math";
import "core-js/es/typed-array/float64-array";
import "core-js/es/typed-array/uint8-array";
import "core-js/es/typed-array/int32-array";
import "core-js/es/typed-array/uint32-array";
import "core-js/es/global-this";

import { nfkcSubset } from "./nfkc";

if (typeof String.prototype.normalize !== "function") {
  // NFC / NFD are left as typed: text typed into Excel arrives composed (NFC) already.
  Object.defineProperty(String.prototype, "normalize", {
    configurable: true,
    writable: true,
    value: function normalize(this: string, form?: string): string {
      const f = form === undefined ? "NFC" : String(form);
      if (f !== "NFC" && f !== "NFD" && f !== "NFKC" && f !== "NFKD") throw new RangeError("The normalization form should be one of NFC, NFD, NFKC, NFKD.");
      const s = String(this);
      return f === "NFKC" || f === "NFKD" ? nfkcSubset(s) : s;
    },
  });
}
