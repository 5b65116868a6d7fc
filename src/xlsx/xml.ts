/**
 * A small XML reader for the parts of an .xlsx: elements are matched by their LOCAL name, so prefixed
 * SpreadsheetML (`<x:worksheet>`, written by the Open XML SDK) and Strict OOXML (other namespace URIs)
 * read like the usual files. Only the five predefined entities and character references are expanded
 * (a DOCTYPE is skipped, never expanded: no entity bombs). Positions are kept so that the writer can
 * edit a part in place and leave every other byte as it was.
 */

/** An XML part that is not well-formed enough to read. */
export class XmlError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "XmlError";
  }
}

export interface XmlHandler {
  /** A start tag (also for an empty element: `selfClosing`). start/end: the tag's offsets. */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean, start: number, end: number): void;
  /** An end tag (not called for empty elements). */
  close?(name: string, start: number, end: number): void;
  /** Character data (entities decoded, CDATA included). */
  text?(text: string): void;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text with the XML entities and character references decoded. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === "#") {
      const n = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

/** Text escaped for an attribute value or character data. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** The local part of a qualified name: `x:sheet` → `sheet`. */
export const localName = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

const isNameChar = (c: number) => c > 0x20 && c !== 0x3e && c !== 0x2f && c !== 0x3d;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Walks the XML, calling the handler for each tag and text run. Throws XmlError on broken markup. */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  let depth = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (h.text !== undefined && depth > 0) h.text(decodeEntities(xml.slice(i)));
      break;
    }
    if (lt > i && h.text !== undefined && depth > 0) h.text(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x3f /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) throw new XmlError("unterminated processing instruction");
      i = e + 2;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) throw new XmlError("unterminated comment");
        i = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) throw new XmlError("unterminated CDATA");
        if (h.text !== undefined) h.text(xml.slice(lt + 9, e));
        i = e + 3;
      } else {
        // <!DOCTYPE …> with an optional [internal subset]: skipped, nothing in it is expanded.
        let j = lt + 2;
        let bracket = 0;
        for (; j < n; j++) {
          const c = xml.charCodeAt(j);
          if (c === 0x5b) bracket++;
          else if (c === 0x5d) bracket--;
          else if (c === 0x3e && bracket <= 0) break;
        }
        if (j >= n) throw new XmlError("unterminated declaration");
        i = j + 1;
      }
      continue;
    }
    if (c1 === 0x2f /* / */) {
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) throw new XmlError("unterminated end tag");
      const name = xml.slice(lt + 2, e).trim();
      depth--;
      if (depth < 0) throw new XmlError(`unexpected </${name}>`);
      h.close?.(name, lt, e + 1);
      i = e + 1;
      continue;
    }
    // A start tag: name, then attributes with quoted values (which may hold > and /).
    let j = lt + 1;
    while (j < n && isNameChar(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    if (name === "") throw new XmlError(`bad tag at ${lt}`);
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError(`unterminated <${name}>`);
      const c = xml.charCodeAt(j);
      if (c === 0x3e) {
        j++;
        break;
      }
      if (c === 0x2f && xml.charCodeAt(j + 1) === 0x3e) {
        selfClosing = true;
        j += 2;
        break;
      }
      const a0 = j;
      while (j < n && isNameChar(xml.charCodeAt(j))) j++;
      const an = xml.slice(a0, j);
      if (an === "") throw new XmlError(`bad attribute in <${name}>`);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) throw new XmlError(`attribute ${an} without value in <${name}>`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new XmlError(`unquoted attribute ${an} in <${name}>`);
      const e = xml.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (e < 0) throw new XmlError(`unterminated attribute ${an} in <${name}>`);
      attrs[an] = decodeEntities(xml.slice(j + 1, e));
      j = e + 1;
    }
    h.open(name, attrs, selfClosing, lt, j);
    if (!selfClosing) depth++;
    i = j;
  }
  if (depth !== 0) throw new XmlError("unclosed element at end of part");
}

/** An element of a small part, with where it is in the text. */
export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly prefix: string;
  readonly attrs: Record<string, string>;
  /** Offset of `<`. */
  readonly start: number;
  /** Offset just after the start tag (`>`), i.e. where content begins. */
  readonly openEnd: number;
  /** Offset of the end tag's `<` (= openEnd for an empty element). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  readonly selfClosing: boolean;
  readonly children: XmlElement[];
  text: string;
}

/** Parses a part into a tree of elements (for the small parts: workbook, rels, content types, styles…). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement[] = [];
  const stack: XmlElement[] = [];
  scanXml(xml, {
    open(name, attrs, selfClosing, start, end) {
      const i = name.indexOf(":");
      const el: XmlElement = {
        name,
        local: i < 0 ? name : name.slice(i + 1),
        prefix: i < 0 ? "" : name.slice(0, i + 1),
        attrs,
        start,
        openEnd: end,
        closeStart: end,
        end,
        selfClosing,
        children: [],
        text: "",
      };
      (stack.length > 0 ? stack[stack.length - 1].children : root).push(el);
      if (!selfClosing) stack.push(el);
    },
    close(name, start, end) {
      const el = stack.pop();
      if (el === undefined || el.name !== name) throw new XmlError(`</${name}> does not close <${el?.name}>`);
      el.closeStart = start;
      el.end = end;
    },
    text(t) {
      if (stack.length > 0) stack[stack.length - 1].text += t;
    },
  });
  if (root.length !== 1) throw new XmlError("a part must have one root element");
  return root[0];
}

/** The first direct child with this local name. */
export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** Every direct child with this local name. */
export function childrenOf(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c) => c.local === local);
}

/** The attribute of this local name, whatever its prefix (`r:id`, `ns1:id`). */
export function attrLocal(el: { attrs: Record<string, string> }, local: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (localName(k) === local && k !== "xmlns") return v;
  return undefined;
}

/** Text edits (offsets into the original) applied in one go; edits must not overlap. */
export function applyEdits(xml: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error("overlapping XML edits");
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}
