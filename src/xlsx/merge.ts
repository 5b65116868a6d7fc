/**
 * The result workbook as a zip-level merge: the output sheets (测算结果, 资金汇总, 计算说明) are written by
 * exceljs into a NEW workbook, and their parts are then added to the user's own package. The user's
 * sheets, tables, charts, pictures, pivot tables, comments, names, validations… are copied byte for
 * byte (their zip entries are not even recompressed); only workbook.xml, its relationships, the content
 * types and styles.xml are edited, in place, to list the new sheets. Sheets named like an output sheet
 * (a result calculated before) are replaced whole; what hung off them is listed as not carried over.
 *
 * What Excel needs for the merged package to open without a repair prompt, and what is done for it:
 * unique sheetIds, relationship ids and part names; table ids unique in the workbook and table names
 * unique among tables and defined names; every part listed in [Content_Types].xml and no override left
 * for a part that is gone; defined names' localSheetId renumbered when a sheet is removed; calcChain.xml
 * dropped when a sheet is removed (Excel rebuilds it); new sheets not tab-selected (no grouped sheets);
 * cell style indexes of the new sheets moved past the user's own styles. A macro-enabled input (.xlsm)
 * becomes a plain workbook (its VBA project is not carried: an .xlsx cannot hold one), and a Strict
 * OOXML input is written with the Transitional namespaces Excel calls "Excel 工作簿".
 */
import { Bilingual, message } from "../engine";
import { SheetData } from "../workbook";
import { OpcPackage, relativeTarget, relsPartOf, resolveTarget } from "./package";
import { XlsxBook } from "./read";
import { writeSheet } from "./write";
import { XmlElement, applyEdits, attrLocal, child, childrenOf, escapeXml, parseXml } from "./xml";
import { ZipArchive, ZipItem, decodeXmlBytes, writeZip } from "./zip";

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = (kind: string) => `${NS_REL}/${kind}`;
const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

/** Strict OOXML namespaces and relationship-type prefixes → their Transitional equivalents. */
const STRICT_TO_TRANSITIONAL: readonly [string, string][] = [
  ["http://purl.oclc.org/ooxml/spreadsheetml/main", "http://schemas.openxmlformats.org/spreadsheetml/2006/main"],
  ["http://purl.oclc.org/ooxml/officeDocument/relationships", NS_REL],
  ["http://purl.oclc.org/ooxml/officeDocument/sharedTypes", "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"],
  ["http://purl.oclc.org/ooxml/officeDocument/extendedProperties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"],
  ["http://purl.oclc.org/ooxml/officeDocument/customProperties", "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"],
  ["http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"],
  ["http://purl.oclc.org/ooxml/officeDocument/math", "http://schemas.openxmlformats.org/officeDocument/2006/math"],
  ["http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"],
  ["http://purl.oclc.org/ooxml/drawingml/chartDrawing", "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing"],
  ["http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"],
  ["http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"],
  ["http://purl.oclc.org/ooxml/drawingml/picture", "http://schemas.openxmlformats.org/drawingml/2006/picture"],
  ["http://purl.oclc.org/ooxml/drawingml/diagram", "http://schemas.openxmlformats.org/drawingml/2006/diagram"],
  ["http://purl.oclc.org/ooxml/drawingml/lockedCanvas", "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas"],
];

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name);

/** The parts of the result package: the input's entries (kept or replaced), then new ones. */
class PartSet {
  /** Entry name → new text (replaced or new part); a name absent here but in `kept` is copied as is. */
  readonly changed = new Map<string, string | Uint8Array>();
  readonly removed = new Set<string>();
  private readonly lower = new Set<string>();

  constructor(readonly pkg: OpcPackage) {
    for (const e of pkg.zip.entries) this.lower.add(e.name.toLowerCase());
  }

  exists(name: string): boolean {
    return this.lower.has(name.toLowerCase()) && !this.removed.has(this.realName(name));
  }

  private realName(name: string): string {
    return this.pkg.entryName(name) ?? name;
  }

  text(name: string): string | undefined {
    const real = this.realName(name);
    if (this.removed.has(real)) return undefined;
    const c = this.changed.get(real);
    if (c !== undefined) return typeof c === "string" ? c : decodeXmlBytes(c);
    return this.pkg.text(real);
  }

  set(name: string, data: string | Uint8Array): void {
    const real = this.realName(name);
    this.changed.set(real, data);
    this.removed.delete(real);
    this.lower.add(real.toLowerCase());
  }

  remove(name: string): void {
    const real = this.realName(name);
    this.removed.add(real);
    this.changed.delete(real);
  }

  /** A part name `prefix{n}suffix` not taken (case-insensitive). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.lower.has(name.toLowerCase())) {
        this.lower.add(name.toLowerCase());
        return name;
      }
    }
  }

  /** Relationships of a part in the current state: [id, kind, resolved part | undefined (external)]. */
  rels(part: string): { id: string; kind: string; part?: string }[] {
    const text = this.text(part === "" ? "_rels/.rels" : relsPartOf(part));
    if (text === undefined) return [];
    const out: { id: string; kind: string; part?: string }[] = [];
    for (const r of childrenOf(parseXml(text), "Relationship")) {
      const type = r.attrs.Type ?? "";
      const external = (r.attrs.TargetMode ?? "").toLowerCase() === "external";
      out.push({ id: r.attrs.Id ?? "", kind: type.slice(type.lastIndexOf("/") + 1), part: external ? undefined : resolveTarget(part, r.attrs.Target ?? "") });
    }
    return out;
  }

  /** Every part reachable from the package's relationships (lower-cased names). */
  reachable(): Set<string> {
    const seen = new Set<string>();
    const queue = [""];
    while (queue.length > 0) {
      const p = queue.pop()!;
      for (const r of this.rels(p)) {
        if (r.part === undefined) continue;
        const key = (this.pkg.entryName(r.part) ?? r.part).toLowerCase();
        if (seen.has(key) || !this.exists(r.part)) continue;
        seen.add(key);
        queue.push(this.pkg.entryName(r.part) ?? r.part);
      }
    }
    return seen;
  }
}

/** `<tag …>` with an attribute set (added or replaced). */
function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

/** A fragment written with the default namespace (exceljs output) given the prefix its new parent uses. */
function withPrefix(fragment: string, prefix: string): string {
  if (prefix === "") return fragment;
  return fragment.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(":") ? m : `<${slash}${prefix}${name}`));
}

/** The open tag of an element. */
const openTag = (xml: string, el: XmlElement) => xml.slice(el.start, el.openEnd);

/** The prefix bound to a namespace URI on an element (`r:`), or undefined. */
function prefixFor(el: XmlElement, uri: string): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (k.startsWith("xmlns:") && v === uri) return `${k.slice(6)}:`;
  return undefined;
}

/** Lists what the sheets to be replaced hold beyond their cells, and the macros, which the result cannot carry. */
export function notCarriedParts(book: XlsxBook, outputNames: readonly string[]): Bilingual[] {
  const out: Bilingual[] = [];
  const pkg = book.pkg;
  for (const s of book.sheets) {
    if (!outputNames.includes(s.name) || s.part === undefined) continue;
    let charts = 0;
    let pictures = 0;
    let pivots = 0;
    let comments = 0;
    let others = 0;
    for (const r of pkg.rels(s.part)) {
      if (r.kind === "drawing" && r.part !== undefined) {
        for (const d of pkg.rels(r.part)) {
          if (d.kind === "chart") charts++;
          else if (d.kind === "image") pictures++;
          else if (d.kind !== "hyperlink") others++;
        }
        // Shapes without a relationship (text boxes) are counted by their anchors minus those seen above.
        const xml = pkg.text(r.part) ?? "";
        const anchors = (xml.match(/<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? []).length;
        others += Math.max(0, anchors - charts - pictures);
      } else if (r.kind === "pivotTable") pivots++;
      else if (r.kind === "comments" && r.part !== undefined) comments += ((pkg.text(r.part) ?? "").match(/<(\w+:)?comment\b/g) ?? []).length;
      else if (["table", "printerSettings", "vmlDrawing", "hyperlink", "threadedComment", "person"].includes(r.kind)) continue;
      else others++;
    }
    const note = (n: number, zh: string, en: string) => {
      if (n > 0) out.push(message("file.notCarried", { sheet: `${s.name}（旧表，已重新生成）`, what: `${n} ${zh}`, whatEn: `${n} ${en}` }));
    };
    note(charts, "张图表", charts === 1 ? "chart" : "charts");
    note(pictures, "张图片", pictures === 1 ? "picture" : "pictures");
    note(pivots, "个数据透视表", pivots === 1 ? "pivot table" : "pivot tables");
    note(comments, "条批注", comments === 1 ? "comment" : "comments");
    note(others, "个其他对象（形状、控件等）", others === 1 ? "other object (shape, control…)" : "other objects (shapes, controls…)");
  }
  if (book.pkg.rels(book.workbookPart).some((r) => r.kind === "vbaProject")) out.push(message("file.macrosNotCarried"));
  return out;
}

/** Renders SheetData into a fresh exceljs workbook, read back as a package. */
async function generated(sheets: readonly SheetData[]): Promise<OpcPackage> {
  // exceljs takes about a second to load: only a run that writes a workbook loads it.
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = "reno-funding";
  for (const s of sheets) writeSheet(wb, s);
  const buf = await wb.xlsx.writeBuffer();
  return new OpcPackage("(result)", new ZipArchive(new Uint8Array(buf as ArrayBuffer)));
}

interface StyleMap {
  /** Generated cellXfs index → index in the merged styles. */
  readonly xf: (i: number) => number;
}

/** Appends the generated workbook's fonts, fills, borders, number formats and cell formats to the input's styles.xml. */
function mergeStyles(parts: PartSet, stylesPart: string | undefined, gen: OpcPackage): { styles: string; map: StyleMap; part?: string } {
  const genStylesRel = gen.rels("xl/workbook.xml").find((r) => r.kind === "styles")!;
  const genXml = gen.text(genStylesRel.part!)!;
  if (stylesPart === undefined) return { styles: genXml, map: { xf: (i) => i } };
  const xml = parts.text(stylesPart)!;
  const root = parseXml(xml);
  const g = parseXml(genXml);
  const prefix = root.prefix;
  const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
  const edits: { start: number; end: number; text: string }[] = [];
  const counts: Record<string, number> = {};

  // Number formats: reuse an input format with the same code, else a new id past every id in use.
  const numFmtMap = new Map<number, number>();
  const inFmts = child(root, "numFmts");
  const byCode = new Map<string, number>();
  let maxId = 163;
  for (const f of inFmts === undefined ? [] : childrenOf(inFmts, "numFmt")) {
    const id = Number(f.attrs.numFmtId);
    byCode.set(f.attrs.formatCode ?? "", id);
    maxId = Math.max(maxId, id);
  }
  const newFmts: string[] = [];
  const gFmts = child(g, "numFmts");
  for (const f of gFmts === undefined ? [] : childrenOf(gFmts, "numFmt")) {
    const code = f.attrs.formatCode ?? "";
    const id = Number(f.attrs.numFmtId);
    let to = byCode.get(code);
    if (to === undefined) {
      to = ++maxId;
      byCode.set(code, to);
      newFmts.push(`<numFmt numFmtId="${to}" formatCode="${escapeXml(code)}"/>`);
    }
    numFmtMap.set(id, to);
  }

  /** Appends fragments to the list element `name` (created where the schema wants it when missing); returns the old count. */
  const append = (name: string, fragments: readonly string[]): number => {
    const el = child(root, name);
    if (el === undefined) {
      counts[name] = 0;
      if (fragments.length === 0) return 0;
      const later = ORDER.slice(ORDER.indexOf(name) + 1)
        .map((n) => child(root, n))
        .find((x) => x !== undefined);
      const at = later === undefined ? root.closeStart : later.start;
      const text = `<${prefix}${name} count="${fragments.length}">${withPrefix(fragments.join(""), prefix)}</${prefix}${name}>`;
      edits.push({ start: at, end: at, text });
      return 0;
    }
    const old = el.children.filter((c) => !c.local.startsWith("ext")).length;
    counts[name] = old;
    if (fragments.length === 0) return old;
    const total = old + fragments.length;
    if (el.selfClosing) {
      const tag = openTag(xml, el).replace(/\s*\/>$/, ">");
      edits.push({ start: el.start, end: el.end, text: `${setAttr(tag, "count", String(total))}${withPrefix(fragments.join(""), prefix)}</${el.name}>` });
    } else {
      edits.push({ start: el.start, end: el.openEnd, text: setAttr(openTag(xml, el), "count", String(total)) });
      edits.push({ start: el.closeStart, end: el.closeStart, text: withPrefix(fragments.join(""), prefix) });
    }
    return old;
  };
  const slices = (name: string, local: string) => {
    const el = child(g, name);
    return el === undefined ? [] : childrenOf(el, local).map((c) => genXml.slice(c.start, c.end));
  };

  append("numFmts", newFmts);
  const fontBase = append("fonts", slices("fonts", "font"));
  const fillBase = append("fills", slices("fills", "fill"));
  const borderBase = append("borders", slices("borders", "border"));
  const gXfs = child(g, "cellXfs");
  const xfs = (gXfs === undefined ? [] : childrenOf(gXfs, "xf")).map((x) => {
    const tagEnd = x.openEnd - x.start;
    const raw = genXml.slice(x.start, x.end);
    let tag = raw.slice(0, tagEnd);
    const num = Number(x.attrs.numFmtId ?? 0);
    tag = setAttr(tag, "numFmtId", String(numFmtMap.get(num) ?? num));
    tag = setAttr(tag, "fontId", String(fontBase + Number(x.attrs.fontId ?? 0)));
    tag = setAttr(tag, "fillId", String(fillBase + Number(x.attrs.fillId ?? 0)));
    tag = setAttr(tag, "borderId", String(borderBase + Number(x.attrs.borderId ?? 0)));
    tag = setAttr(tag, "xfId", "0");
    return tag + raw.slice(tagEnd);
  });
  if (child(root, "cellStyleXfs") === undefined) append("cellStyleXfs", ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']);
  const xfBase = append("cellXfs", xfs);
  return { styles: applyEdits(xml, edits), map: { xf: (i) => xfBase + i }, part: stylesPart };
}

/** The raw content of each `<si>` of a shared-strings part (the same schema type as an inline `<is>`). */
function rawSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const root = parseXml(xml);
  return childrenOf(root, "si").map((si) => xml.slice(si.openEnd, si.closeStart));
}

/** The generated sheet XML with shared strings made inline, style indexes moved and tab selection removed. */
function remapSheet(xml: string, map: StyleMap, sst: readonly string[]): string {
  return xml
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, a: string, b: string, n: string) => `<c${a} t="inlineStr"${b}><is>${sst[Number(n)] ?? "<t></t>"}</is></c>`,
    )
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)(")/g, (_m, a: string, n: string, b: string) => `${a}${map.xf(Number(n))}${b}`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)(")/g, (_m, a: string, n: string, b: string) => `${a}${map.xf(Number(n))}${b}`)
    .replace(/\stabSelected="(1|true)"/g, "");
}

/**
 * The input package with the output sheets added (and sheets of the same names replaced). The input
 * bytes are not modified; untouched entries are copied as they are packed.
 */
export async function mergeResultSheets(book: XlsxBook, sheets: readonly SheetData[]): Promise<Uint8Array> {
  const gen = await generated(sheets);
  const pkg = book.pkg;
  const parts = new PartSet(pkg);
  const wbPart = book.workbookPart;
  const reachableBefore = parts.reachable();

  // Strict OOXML → Transitional namespaces, in every XML part (the meaning of the parts is the same).
  if (/purl\.oclc\.org\/ooxml/.test(parts.text(wbPart) ?? "")) {
    for (const e of pkg.zip.entries) {
      if (!isXmlPart(e.name)) continue;
      const t = parts.text(e.name)!;
      if (!t.includes("purl.oclc.org/ooxml")) continue;
      let u = t;
      for (const [from, to] of STRICT_TO_TRANSITIONAL) u = u.split(from).join(to);
      parts.set(e.name, u.replace(/\sconformance="strict"/, ""));
    }
  }

  // Content types edits collected here.
  const ctXml = parts.text("[Content_Types].xml")!;
  const ct = parseXml(ctXml);
  const ctEdits: { start: number; end: number; text: string }[] = [];
  const ctAdd: string[] = [];
  const overrideOf = (part: string) => childrenOf(ct, "Override").find((o) => resolveTarget("", o.attrs.PartName ?? "").toLowerCase() === part.toLowerCase());

  // A macro-enabled workbook or a template becomes a plain workbook; its VBA project is not carried.
  const wbOverride = overrideOf(wbPart);
  if (wbOverride !== undefined && wbOverride.attrs.ContentType !== CT_WORKBOOK) {
    ctEdits.push({ start: wbOverride.start, end: wbOverride.end, text: setAttr(openTag(ctXml, wbOverride), "ContentType", CT_WORKBOOK) });
  }

  // workbook.xml and its relationships.
  const wbXml = parts.text(wbPart)!;
  const wb = parseXml(wbXml);
  const wbEdits: { start: number; end: number; text: string }[] = [];
  const relsPart = relsPartOf(wbPart);
  const relsXml =
    parts.text(relsPart) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const rels = parseXml(relsXml);
  const relEdits: { start: number; end: number; text: string }[] = [];
  const relAdd: string[] = [];
  const relIds = new Set(childrenOf(rels, "Relationship").map((r) => r.attrs.Id ?? ""));
  const newRelId = () => {
    let n = relIds.size + 1;
    while (relIds.has(`rId${n}`)) n++;
    relIds.add(`rId${n}`);
    return `rId${n}`;
  };
  const dropRel = (pred: (r: XmlElement) => boolean) => {
    for (const r of childrenOf(rels, "Relationship")) if (pred(r)) relEdits.push({ start: r.start, end: r.end, text: "" });
  };
  const relKind = (r: XmlElement) => (r.attrs.Type ?? "").slice((r.attrs.Type ?? "").lastIndexOf("/") + 1);
  dropRel((r) => relKind(r) === "vbaProject");

  const sheetsEl = child(wb, "sheets")!;
  const sheetEls = childrenOf(sheetsEl, "sheet");
  const outputNames = sheets.map((s) => s.name);
  const removedIdx = new Set<number>();
  sheetEls.forEach((s, i) => {
    if (!outputNames.includes(s.attrs.name ?? "")) return;
    removedIdx.add(i);
    wbEdits.push({ start: s.start, end: s.end, text: "" });
    const id = attrLocal(s, "id");
    dropRel((r) => r.attrs.Id === id);
  });
  if (removedIdx.size > 0) dropRel((r) => relKind(r) === "calcChain");
  const kept = sheetEls.length - removedIdx.size;

  // New sheets: parts, relationships, <sheet> elements.
  const relPrefix = prefixFor(wb, NS_REL) ?? "r:";
  const declareRel = prefixFor(wb, NS_REL) === undefined ? ` xmlns:r="${NS_REL}"` : "";
  let sheetId = Math.max(0, ...sheetEls.map((s) => Number(s.attrs.sheetId) || 0));
  const {
    styles,
    map,
    part: stylesPart,
  } = mergeStyles(parts, pkg.rels(wbPart).find((r) => r.kind === "styles" && !r.external && r.part !== undefined && parts.exists(r.part))?.part, gen);
  if (stylesPart !== undefined) parts.set(stylesPart, styles);
  else {
    const name = parts.freeName("xl/styles", ".xml");
    parts.set(name, styles);
    relAdd.push(`<Relationship Id="${newRelId()}" Type="${REL_TYPE("styles")}" Target="${relativeTarget(wbPart, name)}"/>`);
    ctAdd.push(`<Override PartName="/${name}" ContentType="${CT_STYLES}"/>`);
  }

  // Table ids and names in use (tables of the sheets that stay, and defined names).
  const tableIds: number[] = [];
  const names = new Set<string>();
  sheetEls.forEach((s, i) => {
    if (removedIdx.has(i)) return;
    const rel = pkg.rels(wbPart).find((r) => r.id === attrLocal(s, "id"));
    if (rel?.part === undefined) return;
    for (const t of pkg.rels(rel.part)) {
      if (t.kind !== "table" || t.part === undefined || !pkg.has(t.part)) continue;
      const el = pkg.xml(t.part);
      tableIds.push(Number(el.attrs.id) || 0);
      for (const n of [el.attrs.name, el.attrs.displayName]) if (n !== undefined) names.add(n.toLowerCase());
    }
  });
  const definedNamesEl = child(wb, "definedNames");
  for (const d of definedNamesEl === undefined ? [] : childrenOf(definedNamesEl, "definedName")) names.add((d.attrs.name ?? "").toLowerCase());
  let tableId = Math.max(0, ...tableIds);
  const uniqueName = (name: string) => {
    let n = name;
    for (let k = 2; names.has(n.toLowerCase()); k++) n = `${name}${k}`;
    names.add(n.toLowerCase());
    return n;
  };

  const genWb = parseXml(gen.text("xl/workbook.xml")!);
  const genRels = gen.rels("xl/workbook.xml");
  const genSst = rawSharedStrings(
    genRels.find((r) => r.kind === "sharedStrings")?.part === undefined ? undefined : gen.text(genRels.find((r) => r.kind === "sharedStrings")!.part!),
  );
  const newSheetEls: string[] = [];
  for (const gs of childrenOf(child(genWb, "sheets")!, "sheet")) {
    const grel = genRels.find((r) => r.id === attrLocal(gs, "id"))!;
    const sheetPart = parts.freeName("xl/worksheets/sheet", ".xml");
    parts.set(sheetPart, remapSheet(gen.text(grel.part!)!, map, genSst));
    ctAdd.push(`<Override PartName="/${sheetPart}" ContentType="${CT_SHEET}"/>`);
    const sheetRels: string[] = [];
    for (const r of gen.rels(grel.part!)) {
      if (r.kind !== "table") continue;
      const tablePart = parts.freeName("xl/tables/table", ".xml");
      const txml = gen.text(r.part!)!;
      const t = parseXml(txml);
      const name = uniqueName(t.attrs.name ?? "Table");
      let tag = openTag(txml, t);
      tag = setAttr(tag, "id", String(++tableId));
      tag = setAttr(tag, "name", name);
      tag = setAttr(tag, "displayName", name);
      parts.set(tablePart, tag + txml.slice(t.openEnd));
      ctAdd.push(`<Override PartName="/${tablePart}" ContentType="${CT_TABLE}"/>`);
      sheetRels.push(`<Relationship Id="${r.id}" Type="${REL_TYPE("table")}" Target="${relativeTarget(sheetPart, tablePart)}"/>`);
    }
    if (sheetRels.length > 0) {
      parts.set(
        relsPartOf(sheetPart),
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels.join("")}</Relationships>`,
      );
    }
    const rid = newRelId();
    relAdd.push(`<Relationship Id="${rid}" Type="${REL_TYPE("worksheet")}" Target="${relativeTarget(wbPart, sheetPart)}"/>`);
    newSheetEls.push(`<${sheetsEl.prefix}sheet name="${escapeXml(gs.attrs.name ?? "")}" sheetId="${++sheetId}" ${relPrefix}id="${rid}"${declareRel}/>`);
  }
  wbEdits.push({ start: sheetsEl.closeStart, end: sheetsEl.closeStart, text: newSheetEls.join("") });

  // Defined names: the removed sheets' local names go, later local ids shift; the new sheets' names are added.
  const shift = (k: number) => k - [...removedIdx].filter((i) => i < k).length;
  const genNames = child(genWb, "definedNames");
  const genNameXml = gen.text("xl/workbook.xml")!;
  const added = (genNames === undefined ? [] : childrenOf(genNames, "definedName")).map((d) => {
    const local = d.attrs.localSheetId;
    const tag = local === undefined ? openTag(genNameXml, d) : setAttr(openTag(genNameXml, d), "localSheetId", String(kept + Number(local)));
    return withPrefix(tag + genNameXml.slice(d.openEnd, d.end), sheetsEl.prefix);
  });
  if (definedNamesEl !== undefined) {
    for (const d of childrenOf(definedNamesEl, "definedName")) {
      const local = d.attrs.localSheetId;
      if (local === undefined) continue;
      const k = Number(local);
      if (removedIdx.has(k)) wbEdits.push({ start: d.start, end: d.end, text: "" });
      else if (shift(k) !== k) wbEdits.push({ start: d.start, end: d.openEnd, text: setAttr(openTag(wbXml, d), "localSheetId", String(shift(k))) });
    }
    if (added.length > 0) {
      if (definedNamesEl.selfClosing) {
        wbEdits.push({ start: definedNamesEl.start, end: definedNamesEl.end, text: `<${definedNamesEl.name}>${added.join("")}</${definedNamesEl.name}>` });
      } else wbEdits.push({ start: definedNamesEl.closeStart, end: definedNamesEl.closeStart, text: added.join("") });
    }
  } else if (added.length > 0) {
    const LATER = [
      "calcPr",
      "oleSize",
      "customWorkbookViews",
      "pivotCaches",
      "smartTagPr",
      "smartTagTypes",
      "webPublishing",
      "fileRecoveryPr",
      "webPublishObjects",
      "extLst",
    ];
    const later = wb.children.find((c) => LATER.includes(c.local));
    const at = later === undefined ? wb.closeStart : later.start;
    wbEdits.push({ start: at, end: at, text: `<${sheetsEl.prefix}definedNames>${added.join("")}</${sheetsEl.prefix}definedNames>` });
  }

  // The active and first visible tab must still name a sheet.
  const views = child(wb, "bookViews");
  const total = kept + newSheetEls.length;
  for (const v of views === undefined ? [] : childrenOf(views, "workbookView")) {
    let tag = openTag(wbXml, v);
    const before = tag;
    for (const a of ["activeTab", "firstSheet"]) {
      const k = v.attrs[a];
      if (k === undefined) continue;
      const n = removedIdx.has(Number(k)) ? 0 : shift(Number(k));
      if (n >= total || n < 0) tag = setAttr(tag, a, "0");
      else if (String(n) !== k) tag = setAttr(tag, a, String(n));
    }
    if (tag !== before) wbEdits.push({ start: v.start, end: v.openEnd, text: tag });
  }

  parts.set(wbPart, applyEdits(wbXml, wbEdits));
  relEdits.push({ start: rels.closeStart, end: rels.closeStart, text: withPrefix(relAdd.join(""), rels.prefix) });
  parts.set(relsPart, applyEdits(relsXml, relEdits));

  // Parts that hung only off what was removed (old output sheets, calcChain, the VBA project) go.
  const reachableAfter = parts.reachable();
  for (const e of pkg.zip.entries) {
    const key = e.name.toLowerCase();
    if (reachableBefore.has(key) && !reachableAfter.has(key)) {
      parts.remove(e.name);
      for (const gone of [e.name, relsPartOf(e.name)]) {
        if (gone !== e.name && !pkg.has(gone)) continue;
        parts.remove(gone);
        const o = overrideOf(gone);
        if (o !== undefined) ctEdits.push({ start: o.start, end: o.end, text: "" });
      }
    }
  }
  // No VBA content type is left behind in an .xlsx; printer settings that relied on the .bin default get their own.
  for (const d of childrenOf(ct, "Default")) {
    if (!(d.attrs.ContentType ?? "").includes("vbaProject")) continue;
    ctEdits.push({ start: d.start, end: d.end, text: "" });
    for (const e of pkg.zip.entries) {
      const ext = `.${(d.attrs.Extension ?? "").toLowerCase()}`;
      if (parts.removed.has(e.name) || !e.name.toLowerCase().endsWith(ext) || overrideOf(e.name) !== undefined) continue;
      if (/printerSettings/i.test(e.name))
        ctAdd.push(`<Override PartName="/${e.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>`);
    }
  }
  // Relationship parts are new in the result too: they need a content type (some writers list each in an Override).
  const defaults = new Set(childrenOf(ct, "Default").map((d) => (d.attrs.Extension ?? "").toLowerCase()));
  if (!defaults.has("rels")) ctAdd.unshift('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
  if (!defaults.has("xml")) ctAdd.unshift('<Default Extension="xml" ContentType="application/xml"/>');
  ctEdits.push({ start: ct.closeStart, end: ct.closeStart, text: withPrefix(ctAdd.join(""), ct.prefix) });
  parts.set("[Content_Types].xml", applyEdits(ctXml, ctEdits));

  // The zip: [Content_Types].xml first, the input's entries in their order, then the new parts.
  const items: ZipItem[] = [];
  const enc = (d: string | Uint8Array) => (typeof d === "string" ? Buffer.from(d, "utf8") : d);
  const ctName = pkg.entryName("[Content_Types].xml") ?? "[Content_Types].xml";
  items.push({ name: ctName, data: enc(parts.changed.get(ctName)!) });
  const seen = new Set([ctName]);
  for (const e of pkg.zip.entries) {
    if (seen.has(e.name) || parts.removed.has(e.name)) continue;
    // An entry without a content type is not a part of the package (e.g. a stray .DS_Store): left out.
    const type = pkg.contentType(e.name);
    if (!/\.(rels|xml)$/i.test(e.name) && (type === undefined || (type.includes("vbaProject") && !/printerSettings/i.test(e.name)))) continue;
    seen.add(e.name);
    const c = parts.changed.get(e.name);
    items.push(c === undefined ? { name: e.name, from: pkg.zip, entry: e } : { name: e.name, data: enc(c) });
  }
  for (const [name, data] of parts.changed) if (!seen.has(name)) items.push({ name, data: enc(data) });
  return writeZip(items);
}
