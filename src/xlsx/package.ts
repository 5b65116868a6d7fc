/**
 * The Open Packaging Conventions layer of an .xlsx: what the file is (before anything is unpacked),
 * content types, relationships with absolute (`/xl/tables/table1.xml`, as .NET and openpyxl write them)
 * or relative targets, and part names compared without case (OPC part names are case-insensitive).
 * Relationship types are matched by their last segment, so Strict OOXML (`http://purl.oclc.org/…`)
 * reads like Transitional.
 */
import { Bilingual, MessageArgs, MessageCode, message } from "../engine";
import { XmlElement, XmlError, attrLocal, childrenOf, parseXml } from "./xml";
import { ZipArchive, ZipError, ZipProblem } from "./zip";

/** A file that cannot be opened as a workbook at all (exit 2, one message from the catalogue). */
export class WorkbookFileError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly file: string,
    readonly code: MessageCode,
    text: Bilingual,
  ) {
    super(`${file}: ${text.zh} / ${text.en}`);
    this.name = "WorkbookFileError";
    this.zh = text.zh;
    this.en = text.en;
  }
}

export function fileError<C extends MessageCode>(file: string, code: C, ...args: MessageArgs<C>): WorkbookFileError {
  return new WorkbookFileError(file, code, message(code, ...args));
}

/** The error for a zip problem. */
export function zipFileError(file: string, p: ZipProblem): WorkbookFileError {
  switch (p.kind) {
    case "truncated":
      return fileError(file, "file.truncated");
    case "encrypted":
      return fileError(file, "file.encrypted");
    case "method":
      return fileError(file, "file.zipMethod", { method: p.method, entry: p.entry });
    case "damaged":
      return fileError(file, "file.damaged", { detail: p.detail });
    case "bomb":
      if (p.what === "size") return fileError(file, "file.bombSize", { size: p.size, limit: p.limit });
      if (p.what === "entries") return fileError(file, "file.bombEntries", { count: p.count, limit: p.limit });
      return fileError(file, "file.bombRatio", { entry: p.entry, ratio: p.ratio, limit: p.limit });
  }
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Last segment of the type URI: `worksheet`, `table`, `officeDocument`… */
  readonly kind: string;
  readonly target: string;
  readonly external: boolean;
  /** The zip entry name the target resolves to (internal targets; may not exist). */
  readonly part?: string;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package's own: `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds it (absolute `/…` or relative, `..`, %-escapes). */
export function resolveTarget(source: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // a stray % is kept as written
  }
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** A path from the folder of `source` to `part` (`xl/worksheets/sheet1.xml`, `xl/tables/t.xml` → `../tables/t.xml`). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** An opened package: zip directory read (limits checked), parts unpacked and parsed on demand. */
export class OpcPackage {
  private readonly relsCache = new Map<string, Relationship[]>();
  private contentTypesCache?: { defaults: Map<string, string>; overrides: Map<string, string> };

  constructor(
    readonly file: string,
    readonly zip: ZipArchive,
  ) {}

  /** Whether a part exists (case-insensitive). */
  has(part: string): boolean {
    return this.zip.entry(part) !== undefined;
  }

  /** The exact entry name of a part. */
  entryName(part: string): string | undefined {
    return this.zip.entry(part)?.name;
  }

  /** A part's bytes; a zip problem becomes a WorkbookFileError naming the file. */
  bytes(part: string): Uint8Array | undefined {
    const e = this.zip.entry(part);
    if (e === undefined) return undefined;
    try {
      return this.zip.read(e);
    } catch (err) {
      if (err instanceof ZipError) throw zipFileError(this.file, err.problem);
      throw err;
    }
  }

  /** A part as text. */
  text(part: string): string | undefined {
    const e = this.zip.entry(part);
    if (e === undefined) return undefined;
    try {
      return this.zip.text(e.name);
    } catch (err) {
      if (err instanceof ZipError) throw zipFileError(this.file, err.problem);
      throw err;
    }
  }

  /** A part parsed as XML; a missing or broken part is a WorkbookFileError. */
  xml(part: string): XmlElement {
    const t = this.text(part);
    if (t === undefined) throw fileError(this.file, "file.partMissing", { part });
    try {
      return parseXml(t);
    } catch (e) {
      if (e instanceof XmlError) throw fileError(this.file, "file.badPart", { part, detail: e.message });
      throw e;
    }
  }

  /** The relationships of a part (`""` for the package's own), targets resolved. */
  rels(part: string): Relationship[] {
    const cached = this.relsCache.get(part);
    if (cached !== undefined) return cached;
    const relsPart = part === "" ? "_rels/.rels" : relsPartOf(part);
    const out: Relationship[] = [];
    if (this.has(relsPart)) {
      for (const r of childrenOf(this.xml(relsPart), "Relationship")) {
        const type = r.attrs.Type ?? "";
        const target = r.attrs.Target ?? "";
        const external = (r.attrs.TargetMode ?? "").toLowerCase() === "external";
        const resolved = external ? undefined : resolveTarget(part, target);
        out.push({
          id: r.attrs.Id ?? "",
          type,
          kind: type.slice(type.lastIndexOf("/") + 1),
          target,
          external,
          part: resolved === undefined ? undefined : (this.entryName(resolved) ?? resolved),
        });
      }
    }
    this.relsCache.set(part, out);
    return out;
  }

  /** Content types: `<Default Extension>` and `<Override PartName>` (part names without the leading /, lower case). */
  contentTypes(): { defaults: Map<string, string>; overrides: Map<string, string> } {
    if (this.contentTypesCache !== undefined) return this.contentTypesCache;
    const root = this.xml("[Content_Types].xml");
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const d of childrenOf(root, "Default")) defaults.set((d.attrs.Extension ?? "").toLowerCase(), d.attrs.ContentType ?? "");
    for (const o of childrenOf(root, "Override")) overrides.set(resolveTarget("", o.attrs.PartName ?? "").toLowerCase(), o.attrs.ContentType ?? "");
    this.contentTypesCache = { defaults, overrides };
    return this.contentTypesCache;
  }

  /** The content type of a part. */
  contentType(part: string): string | undefined {
    const ct = this.contentTypes();
    const o = ct.overrides.get(part.toLowerCase());
    if (o !== undefined) return o;
    const dot = part.lastIndexOf(".");
    return dot < 0 ? undefined : ct.defaults.get(part.slice(dot + 1).toLowerCase());
  }
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** What a file that is not a zip is: its own message. */
function notZipError(file: string, bytes: Uint8Array): WorkbookFileError {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, CFB)) {
    const utf16 = (s: string) => Buffer.from(s, "utf16le");
    if (buf.includes(utf16("EncryptionInfo")) || buf.includes(utf16("EncryptedPackage"))) return fileError(file, "file.encrypted");
    if (buf.includes(utf16("WordDocument")))
      return fileError(file, "file.officeOther", { what: "旧版 Word 文档（.doc）", whatEn: "a legacy Word document (.doc)" });
    return fileError(file, "file.xls");
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return fileError(file, "file.notXlsx");
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    return fileError(file, "file.officeOther", { what: " PDF 文件", whatEn: "a PDF file" });
  }
  const head = decodeHead(buf.subarray(0, 4096));
  if (head !== undefined) {
    const lower = head.toLowerCase().replace(/^\s+/, "");
    if (/urn:schemas-microsoft-com:office:spreadsheet/.test(lower)) return fileError(file, "file.xml2003");
    if (/^<!doctype html|^<html|<html[\s>]|<table[\s>]|^<meta|^<head/.test(lower)) return fileError(file, "file.html");
    if (looksLikeDelimitedText(head)) return fileError(file, "file.csv");
  }
  return fileError(file, "file.notXlsx");
}

/** The first bytes as text when they are text (UTF-8, UTF-16 with BOM, or GB18030-ish bytes), else undefined. */
function decodeHead(b: Buffer): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return b.subarray(2).toString("utf16le");
  let binary = 0;
  for (const c of b) if (c === 0 || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) binary++;
  if (binary > 0) return undefined;
  return b.toString("utf8").replace(/^\uFEFF/, "");
}

/** Several lines split by the same delimiter (comma, tab, semicolon): a CSV or tab-separated export. */
function looksLikeDelimitedText(s: string): boolean {
  const lines = s.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) return false;
  return [",", "\t", ";", "，"].some((d) => lines.slice(0, 5).every((l) => l.includes(d)));
}

const WORKBOOK_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
];

/**
 * Opens a file as an OPC package and finds its workbook part, or throws a WorkbookFileError saying
 * what the file is: empty, encrypted, .xls, .xlsb, .ods, CSV, HTML, truncated, a zip bomb, not a workbook.
 */
export function openWorkbookPackage(file: string, bytes: Uint8Array): { pkg: OpcPackage; workbookPart: string } {
  if (bytes.length === 0) throw fileError(file, "file.empty");
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw notZipError(file, bytes);
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw zipFileError(file, e.problem);
    throw e;
  }
  const pkg = new OpcPackage(file, zip);
  const mimetype = zip.entry("mimetype");
  if (mimetype !== undefined && !pkg.has("[Content_Types].xml")) {
    const mt = pkg.text("mimetype") ?? "";
    throw fileError(file, mt.includes("opendocument.spreadsheet") ? "file.ods" : "file.odf");
  }
  if (!pkg.has("[Content_Types].xml")) throw fileError(file, pkg.has("xl/workbook.bin") ? "file.xlsb" : "file.zipNotWorkbook");
  const main = pkg.rels("").find((r) => r.kind === "officeDocument" && !r.external);
  if (main?.part === undefined || !pkg.has(main.part)) {
    if (pkg.has("xl/workbook.bin")) throw fileError(file, "file.xlsb");
    if (main === undefined) throw fileError(file, "file.zipNotWorkbook");
    throw fileError(file, "file.partMissing", { part: main.part ?? main.target });
  }
  const type = pkg.contentType(main.part) ?? "";
  if (type.includes("sheet.binary") || main.part.toLowerCase().endsWith(".bin")) throw fileError(file, "file.xlsb");
  if (type.includes("wordprocessingml")) throw fileError(file, "file.officeOther", { what: " Word 文档", whatEn: "a Word document" });
  if (type.includes("presentationml")) throw fileError(file, "file.officeOther", { what: " PowerPoint 演示文稿", whatEn: "a PowerPoint presentation" });
  if (!WORKBOOK_TYPES.includes(type) && !/workbook\.xml$/i.test(main.part)) throw fileError(file, "file.zipNotWorkbook");
  return { pkg, workbookPart: main.part };
}

/** The value of an attribute of this local name, or the default. */
export function attrOr(el: XmlElement, local: string, fallback: string): string {
  return attrLocal(el, local) ?? fallback;
}
