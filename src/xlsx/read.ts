/**
 * Reading a standard workbook file into the plain grids of src/workbook, from any program's .xlsx:
 * the package is opened by our own zip/OPC reader (package.ts; limits checked before unpacking), and
 * only the parts the input sheets need are unpacked — the workbook, the shared strings, the styles'
 * number formats, the three input sheets and their tables. Charts, pictures, pivot tables, comments,
 * data validations… are never parsed, so they cannot break the read (docs/development.md explains why
 * exceljs is not used for reading).
 */
import {
  INPUT_SHEET_NAMES,
  InputGrids,
  InputKind,
  SheetGrid,
  SheetShape,
  TableShape,
  WorkbookError,
  inputGrid,
  inputReadPlan,
  missingSheetError,
} from "../workbook";
import { SheetCells, SheetTable, parseBox, readDateStyles, readRange, readSharedStrings, readSheetCells, valueBox } from "./cells";
import { OpcPackage, fileError, openWorkbookPackage } from "./package";
import { XmlError, attrLocal, child, childrenOf } from "./xml";

export { WorkbookFileError } from "./package";

/** One sheet of the workbook as workbook.xml lists it. */
export interface BookSheet {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  readonly sheetId: string;
  readonly relId: string;
  /** The part (zip entry), when the relationship resolves. */
  readonly part?: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`… (relationship kind). */
  readonly kind: string;
}

/** A worksheet's cells and tables. */
export interface BookWorksheet {
  readonly name: string;
  readonly cells: SheetCells;
  readonly tables: readonly SheetTable[];
}

/** An opened workbook file: its package (kept for writing the result) and its sheets, read on demand. */
export class XlsxBook {
  readonly sheets: readonly BookSheet[];
  readonly date1904: boolean;
  private sst?: string[];
  private dateStylesCache?: boolean[];
  private readonly parsed = new Map<string, BookWorksheet>();

  constructor(
    readonly file: string,
    readonly pkg: OpcPackage,
    readonly workbookPart: string,
  ) {
    const wb = pkg.xml(workbookPart);
    const pr = child(wb, "workbookPr");
    const d = pr === undefined ? undefined : attrLocal(pr, "date1904");
    this.date1904 = d === "1" || d === "true";
    const rels = pkg.rels(workbookPart);
    const sheetsEl = child(wb, "sheets");
    this.sheets = (sheetsEl === undefined ? [] : childrenOf(sheetsEl, "sheet")).map((s) => {
      const relId = attrLocal(s, "id") ?? "";
      const rel = rels.find((r) => r.id === relId);
      return {
        name: s.attrs.name ?? "",
        state: s.attrs.state ?? "visible",
        sheetId: s.attrs.sheetId ?? "",
        relId,
        part: rel?.external === false ? rel.part : undefined,
        kind: rel?.kind ?? "",
      };
    });
  }

  /** The sheet names in workbook order. */
  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  private sharedStrings(): string[] {
    if (this.sst === undefined) {
      const rel = this.pkg.rels(this.workbookPart).find((r) => r.kind === "sharedStrings" && !r.external);
      const text = rel?.part === undefined ? undefined : this.pkg.text(rel.part);
      this.sst = text === undefined ? [] : this.parse(rel!.part!, () => readSharedStrings(text));
    }
    return this.sst;
  }

  private dateStyles(): boolean[] {
    if (this.dateStylesCache === undefined) {
      const rel = this.pkg.rels(this.workbookPart).find((r) => r.kind === "styles" && !r.external);
      const text = rel?.part === undefined ? undefined : this.pkg.text(rel.part);
      this.dateStylesCache = text === undefined ? [] : this.parse(rel!.part!, () => readDateStyles(text));
    }
    return this.dateStylesCache;
  }

  private parse<T>(part: string, read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof XmlError) throw fileError(this.file, "file.badPart", { part, detail: e.message });
      throw e;
    }
  }

  /** A worksheet's cells and tables (a chartsheet or a sheet without a part reads as empty). */
  worksheet(sheet: BookSheet): BookWorksheet {
    const cached = this.parsed.get(sheet.name);
    if (cached !== undefined) return cached;
    let result: BookWorksheet = { name: sheet.name, cells: new SheetCells(), tables: [] };
    if (sheet.kind === "worksheet" && sheet.part !== undefined) {
      const part = sheet.part;
      const xml = this.pkg.text(part);
      if (xml === undefined) throw fileError(this.file, "file.partMissing", { part });
      const cells = this.parse(part, () =>
        readSheetCells(xml, { sharedStrings: () => this.sharedStrings(), dateStyles: this.dateStyles(), date1904: this.date1904 }),
      );
      const tables: SheetTable[] = [];
      for (const rel of this.pkg.rels(part)) {
        if (rel.kind !== "table" || rel.external || rel.part === undefined || !this.pkg.has(rel.part)) continue;
        const t = this.pkg.xml(rel.part);
        tables.push({
          name: t.attrs.displayName ?? t.attrs.name ?? "",
          ref: t.attrs.ref ?? "",
          headerRow: (t.attrs.headerRowCount ?? "1") !== "0",
          totalsRow: Number(t.attrs.totalsRowCount ?? "0") > 0,
        });
      }
      result = { name: sheet.name, cells, tables };
    }
    this.parsed.set(sheet.name, result);
    return result;
  }

  /** Finds a sheet by name, ignoring surrounding spaces and full-width/half-width differences. */
  findSheet(name: string): BookSheet | undefined {
    const want = name.normalize("NFKC").trim();
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.normalize("NFKC").trim() === want);
  }

  /** A worksheet by name (see findSheet). */
  sheet(name: string): BookWorksheet | undefined {
    const s = this.findSheet(name);
    return s === undefined ? undefined : this.worksheet(s);
  }
}

/** Opens a workbook from bytes; a file that is not a readable workbook is a WorkbookFileError naming what it is. */
export async function loadWorkbook(file: string, bytes: Uint8Array): Promise<XlsxBook> {
  const { pkg, workbookPart } = openWorkbookPackage(file, bytes);
  return new XlsxBook(file, pkg, workbookPart);
}

/** The sheet as `input-table.ts` wants it: its tables (header cells read) and the box of its values. */
export function sheetShape(ws: BookWorksheet): SheetShape {
  const tables: TableShape[] = [];
  for (const t of ws.tables) {
    const full = parseBox(t.ref);
    if (full === undefined) continue;
    // A totals row (Excel's 汇总行, showTotals) is never part of the box: it is not data.
    const box = { ...full, rows: Math.max(1, full.rows - (t.totalsRow ? 1 : 0)) };
    tables.push({ name: t.name, box, headerRow: t.headerRow, totalsRow: t.totalsRow, header: readRange(ws.cells, box.top, box.left, 1, box.cols)[0] });
  }
  return { sheet: ws.name, tables, used: valueBox(ws.cells) };
}

/**
 * The input table of a sheet (`input-table.ts`: the one rule shared with the task pane): the chosen
 * rectangle is read, formulas without a result recorded in `noResult`.
 */
export function sheetGrid(ws: BookWorksheet, kind: InputKind): SheetGrid {
  const shape = sheetShape(ws);
  const plan = inputReadPlan(kind, shape);
  const noResult = new Map<string, string>();
  const values = plan.kind === "empty" ? [] : readRange(ws.cells, plan.box.top, plan.box.left, plan.box.rows, plan.box.cols, noResult);
  const grid = inputGrid(kind, ws.name, plan, values);
  return noResult.size > 0 ? { ...grid, noResult } : grid;
}

/** The input grids of a workbook, and an error for each missing required sheet (项目信息, 住户). */
export function inputGrids(book: XlsxBook): { grids: InputGrids; errors: WorkbookError[] } {
  const errors: WorkbookError[] = [];
  const grid = (kind: InputKind, required: boolean): SheetGrid | undefined => {
    const ws = book.sheet(INPUT_SHEET_NAMES[kind]);
    if (ws === undefined) {
      if (required) errors.push(missingSheetError(INPUT_SHEET_NAMES[kind], book.sheetNames));
      return undefined;
    }
    return sheetGrid(ws, kind);
  };
  const grids = { policy: grid("policy", false), project: grid("project", true), households: grid("households", true), elevators: grid("elevators", false) };
  return { grids, errors };
}

/** Kept for callers that check bytes only: opens the package (throws WorkbookFileError) and discards it. */
export function checkWorkbookBytes(file: string, bytes: Uint8Array): void {
  openWorkbookPackage(file, bytes);
}
