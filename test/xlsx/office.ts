/**
 * Test helpers around real programs and the package structure of a result file: LibreOffice headless
 * (open a workbook and convert each sheet to CSV), a Python that has a module, and the checks Excel
 * makes when it opens a package (a failed one is Excel's "We found a problem with some content" prompt).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ZipArchive } from "../../src/xlsx/zip";
import { parseXml, childrenOf, child, attrLocal, XmlElement } from "../../src/xlsx/xml";
import { resolveTarget, relsPartOf } from "../../src/xlsx/package";
import { SOFFICE, findProgram } from "../support/programs";

/** Minimal RFC 4180 CSV parser (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n") (row.push(field), rows.push(row), (row = []), (field = ""));
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

/** LibreOffice converts every sheet of `book` to CSV (raw values, UTF-8); the sheets by name. */
export function toCsv(book: string, work: string): Record<string, string[][]> {
  const outdir = path.join(work, `csv-${path.basename(book)}-${Date.now()}`);
  // Filter: comma, quote, UTF-8, from line 1, …, cell contents not as shown (raw numbers), -1 = every sheet.
  const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
  const r = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${path.join(work, "lo-profile")}`, "--headless", "--convert-to", filter, "--outdir", outdir, book],
    {
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const base = path.basename(book, path.extname(book));
  const sheets: Record<string, string[][]> = {};
  for (const f of fs.readdirSync(outdir)) sheets[f.slice(base.length + 1, -4)] = parseCsv(fs.readFileSync(path.join(outdir, f), "utf8"));
  return sheets;
}

/** LibreOffice converts `book` to .xlsx (its own writer) into `outdir`; returns the new file. */
export function libreOfficeXlsx(book: string, outdir: string, work: string): string {
  fs.mkdirSync(outdir, { recursive: true });
  const r = spawnSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${path.join(work, "lo-profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outdir, book],
    {
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return path.join(outdir, `${path.basename(book, path.extname(book))}.xlsx`);
}

/** A python3 that can import `module` (Debian's /usr/bin/python3 first: apt installs the modules there). */
export function findPython(module: string): string | undefined {
  for (const p of ["/usr/bin/python3", findProgram("python3")]) {
    if (p === undefined || !fs.existsSync(p)) continue;
    if (spawnSync(p, ["-c", `import ${module}`]).status === 0) return p;
  }
  return undefined;
}

/** The text of one part of a package (its zip entry), or undefined. */
export function partText(bytes: Uint8Array, part: string): string | undefined {
  const zip = new ZipArchive(bytes);
  const e = zip.entry(part);
  return e === undefined ? undefined : zip.text(e.name);
}

/** The names of a package's parts. */
export function partNames(bytes: Uint8Array): string[] {
  return new ZipArchive(bytes).entries.map((e) => e.name);
}

/** Runs a fixture script of test/xlsx/fixtures with python; throws with its stderr on failure. */
export function runPython(python: string, script: string, args: readonly string[]): void {
  const r = spawnSync(python, [path.join(__dirname, "fixtures", script), ...args], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
}

export interface PackageTable {
  readonly sheet: string;
  readonly part: string;
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly ref: string;
  readonly headerRowCount?: string;
  readonly bytes: Buffer;
}

/** The tables of a package by sheet, with their part's bytes. */
export function packageTables(bytes: Uint8Array): PackageTable[] {
  const zip = new ZipArchive(bytes);
  const text = (p: string) => zip.text(zip.entry(p)?.name ?? p);
  const rootRels = parseXml(text("_rels/.rels")!);
  const wbPart = resolveTarget("", childrenOf(rootRels, "Relationship").find((r) => (r.attrs.Type ?? "").endsWith("/officeDocument"))!.attrs.Target!);
  const wb = parseXml(text(wbPart)!);
  const wbRels = childrenOf(parseXml(text(relsPartOf(wbPart))!), "Relationship");
  const out: PackageTable[] = [];
  for (const s of childrenOf(child(wb, "sheets")!, "sheet")) {
    const rel = wbRels.find((r) => r.attrs.Id === attrLocal(s, "id"))!;
    const sheetPart = resolveTarget(wbPart, rel.attrs.Target!);
    const relsText = text(relsPartOf(sheetPart));
    if (relsText === undefined) continue;
    for (const r of childrenOf(parseXml(relsText), "Relationship")) {
      if (!(r.attrs.Type ?? "").endsWith("/table")) continue;
      const part = resolveTarget(sheetPart, r.attrs.Target!);
      const entry = zip.entry(part)!;
      const t = parseXml(zip.text(entry.name)!);
      out.push({
        sheet: s.attrs.name!,
        part: entry.name,
        id: t.attrs.id,
        name: t.attrs.name,
        displayName: t.attrs.displayName,
        ref: t.attrs.ref,
        headerRowCount: t.attrs.headerRowCount,
        bytes: Buffer.from(zip.read(entry)),
      });
    }
  }
  return out;
}

/**
 * The checks Excel makes when opening a package that, when they fail, give its repair prompt: every XML
 * part well-formed; every part has a content type and every Override names a part; every internal
 * relationship target exists; sheet names, sheetIds and relationship ids unique; table ids unique and
 * table names unique among tables and defined names; each sheet's <tableParts> matches its table
 * relationships; defined names' localSheetId names a sheet; at least one visible sheet. Returns the problems.
 */
export function packageProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const zip = new ZipArchive(bytes);
  const names = new Map(zip.entries.map((e) => [e.name.toLowerCase(), e.name]));
  const text = (p: string) => {
    const n = names.get(p.toLowerCase());
    return n === undefined ? undefined : zip.text(n);
  };
  const xml = new Map<string, XmlElement>();
  for (const e of zip.entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    try {
      xml.set(e.name.toLowerCase(), parseXml(zip.text(e.name)!));
    } catch (err) {
      problems.push(`${e.name}: not well-formed: ${(err as Error).message}`);
    }
  }
  const ct = xml.get("[content_types].xml")!;
  const defaults = new Set(childrenOf(ct, "Default").map((d) => (d.attrs.Extension ?? "").toLowerCase()));
  const overrides = new Set<string>();
  for (const o of childrenOf(ct, "Override")) {
    const p = resolveTarget("", o.attrs.PartName!).toLowerCase();
    overrides.add(p);
    if (!names.has(p)) problems.push(`[Content_Types].xml: Override for missing part ${p}`);
  }
  for (const e of zip.entries) {
    if (e.name === "[Content_Types].xml") continue;
    const ext = e.name.slice(e.name.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(e.name.toLowerCase()) && !defaults.has(ext)) problems.push(`${e.name}: no content type`);
  }
  for (const e of zip.entries) {
    if (!e.name.endsWith(".rels")) continue;
    const source = e.name === "_rels/.rels" ? "" : e.name.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const ids = new Set<string>();
    for (const r of childrenOf(xml.get(e.name.toLowerCase())!, "Relationship")) {
      if (ids.has(r.attrs.Id!)) problems.push(`${e.name}: relationship id ${r.attrs.Id} twice`);
      ids.add(r.attrs.Id!);
      if ((r.attrs.TargetMode ?? "") === "External") continue;
      const target = resolveTarget(source, r.attrs.Target!);
      if (!names.has(target.toLowerCase())) problems.push(`${e.name}: target ${target} missing`);
    }
  }
  const rootRels = childrenOf(xml.get("_rels/.rels")!, "Relationship");
  const wbPart = resolveTarget("", rootRels.find((r) => (r.attrs.Type ?? "").endsWith("/officeDocument"))!.attrs.Target!);
  const wb = xml.get(wbPart.toLowerCase())!;
  const sheets = childrenOf(child(wb, "sheets")!, "sheet");
  const uniq = (what: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v.toLowerCase())) problems.push(`${what} ${v} twice`);
      seen.add(v.toLowerCase());
    }
  };
  uniq(
    "sheet name",
    sheets.map((s) => s.attrs.name!),
  );
  uniq(
    "sheetId",
    sheets.map((s) => s.attrs.sheetId!),
  );
  if (!sheets.some((s) => (s.attrs.state ?? "visible") === "visible")) problems.push("no visible sheet");
  const dn = child(wb, "definedNames");
  for (const d of dn === undefined ? [] : childrenOf(dn, "definedName")) {
    if (d.attrs.localSheetId !== undefined && Number(d.attrs.localSheetId) >= sheets.length)
      problems.push(`defined name ${d.attrs.name}: localSheetId ${d.attrs.localSheetId} out of range`);
  }
  const views = child(wb, "bookViews");
  for (const v of views === undefined ? [] : childrenOf(views, "workbookView")) {
    if (Number(v.attrs.activeTab ?? 0) >= sheets.length) problems.push("activeTab out of range");
  }
  const tables = packageTables(bytes);
  uniq(
    "table id",
    tables.map((t) => t.id),
  );
  uniq("table name", [
    ...tables.map((t) => t.displayName),
    ...(dn === undefined
      ? []
      : childrenOf(dn, "definedName")
          .filter((d) => d.attrs.localSheetId === undefined)
          .map((d) => d.attrs.name!)),
  ]);
  const wbRels = childrenOf(xml.get(relsPartOf(wbPart).toLowerCase())!, "Relationship");
  for (const s of sheets) {
    const rel = wbRels.find((r) => r.attrs.Id === attrLocal(s, "id"));
    if (rel === undefined) {
      problems.push(`sheet ${s.attrs.name}: no relationship`);
      continue;
    }
    const part = resolveTarget(wbPart, rel.attrs.Target!);
    const sx = xml.get(part.toLowerCase());
    if (sx === undefined || sx.local !== "worksheet") continue;
    const tp = child(sx, "tableParts");
    const listed = tp === undefined ? 0 : childrenOf(tp, "tablePart").length;
    if (listed !== tables.filter((t) => t.sheet === s.attrs.name).length) problems.push(`sheet ${s.attrs.name}: tableParts does not match its tables`);
    const selected = childrenOf(child(sx, "sheetViews") ?? sx, "sheetView").some((v) => v.attrs.tabSelected === "1");
    if (selected && text(part) !== undefined && s !== sheets[Number(views === undefined ? 0 : (childrenOf(views, "workbookView")[0]?.attrs.activeTab ?? 0))]) {
      problems.push(`sheet ${s.attrs.name}: tab-selected but not the active sheet (sheets would be grouped)`);
    }
  }
  return problems;
}
