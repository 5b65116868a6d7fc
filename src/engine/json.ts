/**
 * The strict JSON reader of the command line's input (issue 10): the same values as JSON.parse, but a
 * key that appears twice in one object — anywhere, `policy` included — is an error naming its path and
 * both lines (JSON.parse would silently keep the last one), and syntax errors name line and column.
 * Also a check that bytes are UTF-8. Pure: no Node APIs (the engine runs in the task pane too).
 */
import { EngineError, Path, engineError } from "./errors";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonOutcome = { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly errors: readonly EngineError[] };

class JsonSyntax extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
    readonly expectedEn: string,
  ) {
    super(expectedEn);
  }
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: at - last };
}

/** What is at an offset, for a message: the character (quoted) or “the end”. */
function foundAt(text: string, at: number): string {
  if (at >= text.length) return "结尾 end of input";
  const ch = String.fromCodePoint(text.codePointAt(at)!);
  return JSON.stringify(ch);
}

/**
 * Parses JSON text strictly. A leading BOM is ignored. Errors: `json.empty`, `json.syntax` (line,
 * column, what was expected), `json.duplicateKeyAt` (the key's path, e.g. `policy.cap.perSqm`).
 * @example parseStrictJson('{"a":1,"a":2}').ok // false
 */
export function parseStrictJson(input: string): JsonOutcome {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === "") return { ok: false, errors: [engineError("json.empty", [])] };
  let i = 0;
  const errors: EngineError[] = [];
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const expect = (ch: string, zh: string, en: string) => {
    if (text[i] !== ch) throw new JsonSyntax(i, zh, en);
    i++;
  };
  const str = (): string => {
    expect('"', '“"”', '"');
    let out = "";
    let run = i;
    for (;;) {
      if (i >= text.length) throw new JsonSyntax(i, "字符串结束的引号", "the closing quote of the string");
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new JsonSyntax(i, "字符串中不能有控制字符（换行请写成 \\n）", "no control characters in a string (write a line break as \\n)");
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e === "u") {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntax(i, "\\u 后跟 4 位十六进制数", "four hex digits after \\u");
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else throw new JsonSyntax(i, '有效的转义（如 \\" \\\\ \\n）', 'a valid escape (such as \\" \\\\ \\n)');
        run = i;
        continue;
      }
      i++;
    }
  };
  const num = (): number => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null)
      throw new JsonSyntax(i, "一个值（数字、文本、true、false、null、对象或数组）", "a value (number, string, true, false, null, object or array)");
    i += m[0].length;
    return Number(m[0]);
  };
  const value = (path: Path, depth: number): JsonValue => {
    if (depth > 200) throw new JsonSyntax(i, "嵌套不超过 200 层", "at most 200 levels of nesting");
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      const obj: { [key: string]: JsonValue } = {};
      const lines = new Map<string, number>();
      ws();
      if (text[i] === "}") {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const keyAt = i;
        const key = str();
        ws();
        expect(":", "“:”", '":"');
        const v = value([...path, key], depth + 1);
        const line = lineColumn(text, keyAt).line;
        const first = lines.get(key);
        if (first !== undefined) errors.push(engineError("json.duplicateKeyAt", [...path, key], { key, line, first }));
        else lines.set(key, line);
        // Like JSON.parse: an own property even for "__proto__".
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("}", "“,”或“}”", '"," or "}"');
        return obj;
      }
    }
    if (c === "[") {
      i++;
      const arr: JsonValue[] = [];
      ws();
      if (text[i] === "]") {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value([...path, arr.length], depth + 1));
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect("]", "“,”或“]”", '"," or "]"');
        return arr;
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return num();
  };
  try {
    const v = value([], 0);
    ws();
    if (i < text.length) throw new JsonSyntax(i, "输入结束（JSON 只能有一个顶层值）", "the end of input (JSON has one top-level value)");
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: v };
  } catch (e) {
    if (!(e instanceof JsonSyntax)) throw e;
    const { line, column } = lineColumn(text, e.at);
    return {
      ok: false,
      errors: [engineError("json.syntax", [], { line, column, expected: e.expected, expectedEn: e.expectedEn, found: foundAt(text, e.at) })],
    };
  }
}

/**
 * The offset of the first byte that is not valid UTF-8 (overlongs, surrogates and values past
 * U+10FFFF included), or -1 when every byte is.
 */
export function invalidUtf8At(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) ((n = 1), (min = 0x80));
    else if (c >= 0xe0 && c <= 0xef) ((n = 2), (min = 0x800));
    else if (c >= 0xf0 && c <= 0xf4) ((n = 3), (min = 0x10000));
    else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
