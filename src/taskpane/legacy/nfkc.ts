/**
 * `String.prototype.normalize("NFKC")` for Internet Explorer 11, which lacks it (core-js has no polyfill:
 * it would need Unicode tables). The subset covers what the readers normalise — full-width ASCII, the
 * ideographic and no-break spaces, superscript, subscript and circled digits, ㎡ and the like — and is
 * checked against Node's own NFKC, code point by code point (test/browser/legacy.test.ts).
 */

/** NFKC of the characters a spreadsheet reader meets that NFKC changes (Node's NFKC, checked by the tests). */
const NFKC_SINGLE: Readonly<Record<number, string>> = {
  0xa0: " ",
  0xb2: "2",
  0xb3: "3",
  0xb9: "1",
  0x3000: " ",
  0x2070: "0",
  0x2071: "i",
  0x2074: "4",
  0x2075: "5",
  0x2076: "6",
  0x2077: "7",
  0x2078: "8",
  0x2079: "9",
  0x207a: "+",
  0x207b: "\u2212",
  0x207c: "=",
  0x207d: "(",
  0x207e: ")",
  0x207f: "n",
  0x2080: "0",
  0x2081: "1",
  0x2082: "2",
  0x2083: "3",
  0x2084: "4",
  0x2085: "5",
  0x2086: "6",
  0x2087: "7",
  0x2088: "8",
  0x2089: "9",
  0x208a: "+",
  0x208b: "\u2212",
  0x208c: "=",
  0x208d: "(",
  0x208e: ")",
  0x2103: "\u00b0C",
  0x2116: "No",
  0x338f: "kg",
  0x339d: "cm",
  0x339e: "km",
  0x33a0: "cm2",
  0x33a1: "m2",
  0x33a5: "m3",
  0xffe0: "\u00a2",
  0xffe1: "\u00a3",
  0xffe2: "\u00ac",
  0xffe3: " \u0304",
  0xffe4: "\u00a6",
  0xffe5: "\u00a5",
  0xffe6: "\u20a9",
};

/** The NFKC subset: full-width ASCII (U+FF01–FF5E), circled numbers ①–⑳ and the table above. */
export function nfkcSubset(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c >= 0x2460 && c <= 0x2473) out += String(c - 0x2460 + 1);
    else if (Object.prototype.hasOwnProperty.call(NFKC_SINGLE, c)) out += NFKC_SINGLE[c];
    else out += s.charAt(i);
  }
  return out;
}
