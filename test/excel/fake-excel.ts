/**
 * A recording fake of the Office.js Excel object model — just the part the task pane uses — with the
 * real model's batching: commands are queued on proxies and run at `context.sync()`; a property read
 * before it was loaded and synced throws (as office-addin-mock does); a request or response above
 * 5 MB fails like Excel on the web. It counts syncs and records every write, so tests can assert what
 * reached which sheet, in how many requests, with calculation suspended or not.
 *
 * Self-contained (no imports): the browser test transpiles this file and serves it in place of
 * office.js, so the page under test talks to the very same fake.
 */

export type FakeValue = string | number | boolean;

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position?: [string, string];
}

export interface FakeSheet {
  name: string;
  values: FakeValue[][];
  formats: string[][];
  bold: Set<number>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  charts: FakeChart[];
  /** Data validations by address: the list source, prompt and error alert as set. */
  validations: Map<string, { rule?: unknown; prompt?: unknown; errorAlert?: unknown }>;
  /** Addresses given `format.wrapText = true`. */
  wrapped: string[];
  /** `worksheet.pageLayout` as set (ExcelApi 1.9): paperSize, orientation, zoom, printTitleRows, margins, headers … */
  pageLayout: { paperSize?: string; orientation?: string; zoom?: unknown; printTitleRows?: string; [key: string]: unknown };
  /** Formatting set on ranges, in order: `font.name`, `font.size`, `horizontalAlignment`, `fill.color`, `border.EdgeTop.style` … */
  formatting: { address: string; key: string; value: unknown }[];
  /** Row heights set (ExcelApi 1.2), by 1-based row. */
  rowHeights: Map<number, number>;
  /** Ranges merged (ExcelApi 1.2). */
  merges: string[];
  /** Manual page breaks added (ExcelApi 1.9): the cell a new page starts at. */
  pageBreaks: string[];
  /** `worksheet.visibility`: Visible, Hidden or VeryHidden. */
  visibility: string;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** 0-based top-left and size, header row included. */
  r0: number;
  c0: number;
  rows: number;
  columns: number;
  /** The last row is the table's totals row (`showTotals`); `rows` includes it. */
  totalsRow?: boolean;
  /** `table.style` as set. */
  style?: string;
}

/** One write that reached the workbook. */
export interface FakeWrite {
  sync: number;
  sheet: string;
  kind:
    | "values"
    | "numberFormat"
    | "clear"
    | "bold"
    | "columnWidth"
    | "add"
    | "delete"
    | "rename"
    | "table"
    | "chart"
    | "freeze"
    | "validation"
    | "wrap"
    | "pageLayout"
    | "format"
    | "rowHeight"
    | "merge"
    | "pageBreak";
  address: string;
  /** Calculation was suspended for the request that carried this write. */
  calcSuspended: boolean;
}

export interface FakeOptions {
  /** `Office.context.displayLanguage`; default zh-CN. */
  displayLanguage?: string;
  /** Highest ExcelApi minor version supported (1.x); default 14. 0 = no requirement sets at all. */
  excelApiMinor?: number;
  /** Host reported by `Office.onReady`; default Excel. */
  host?: string | null;
  /**
   * SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 (default true). False is Excel 2016 / 2019
   * volume-licensed: no `Office.addin`, no `CustomFunctions`, and isSetSupported says no to both.
   */
  sharedRuntime?: boolean;
  /** Bytes per request and per response (default 5 MB, Excel on the web). */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /** Milliseconds each sync takes (to see progress indicators in a browser). */
  syncDelayMs?: number;
  /** Initial sheets: name → rows of values (anchored at A1). */
  sheets?: Record<string, FakeValue[][]>;
}

interface Rect {
  sheet: FakeSheet;
  r0: number;
  c0: number;
  rows: number;
  columns: number;
}

class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `C12` or `A1:N20` → 0-based rectangle. */
export function parseAddress(address: string): { r0: number; c0: number; rows: number; columns: number } {
  const a = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(a);
  if (m === null) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  const r0 = Number(m[2]) - 1;
  const c0 = colIndex(m[1]);
  const r1 = m[4] === undefined ? r0 : Number(m[4]) - 1;
  const c1 = m[3] === undefined ? c0 : colIndex(m[3]);
  return { r0: Math.min(r0, r1), c0: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
}

export function formatAddress(r: { r0: number; c0: number; rows: number; columns: number }): string {
  const tl = `${colLetters(r.c0)}${r.r0 + 1}`;
  return r.rows === 1 && r.columns === 1 ? tl : `${tl}:${colLetters(r.c0 + r.columns - 1)}${r.r0 + r.rows}`;
}

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

function newSheet(name: string, rows: FakeValue[][] = []): FakeSheet {
  return {
    name,
    values: rows.map((r) => [...r]),
    formats: rows.map((r) => r.map(() => "General")),
    bold: new Set(),
    columnWidths: new Map(),
    frozenRows: 0,
    charts: [],
    validations: new Map(),
    wrapped: [],
    pageLayout: {},
    formatting: [],
    rowHeights: new Map(),
    merges: [],
    pageBreaks: [],
    visibility: "Visible",
  };
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \\ / ? * [ ], not starting or ending with '. */
function checkSheetName(n: string): void {
  if (n.length === 0 || n.length > 31 || /[:\\/?*[\]]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
    throw new FakeOfficeError("InvalidArgument", `bad sheet name ${n}`);
  }
}

/** The in-memory workbook and everything the fake recorded. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  active = "";
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  runs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  writes: FakeWrite[] = [];
  screenUpdatingSuspensions = 0;
  /** Make the next N syncs fail with this code (to test error paths). */
  failNext: { code: string; count: number } | null = null;
  /** Make the sync with this number (1-based, counted like `syncs`) fail as a whole, nothing of it done. */
  failAtSync: { sync: number; code: string } | null = null;

  constructor(readonly options: FakeOptions = {}) {
    for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) this.sheets.push(newSheet(name, rows));
    this.active = this.sheets[0]?.name ?? "";
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Values of a sheet as a rectangle from A1 ("" where blank). */
  grid(name: string): FakeValue[][] {
    const s = this.sheet(name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    const width = Math.max(0, ...s.values.map((r) => (r ? r.length : 0)));
    return s.values.map((r) => Array.from({ length: width }, (_, c) => (r && r[c] !== undefined ? r[c] : "")));
  }

  cell(name: string, address: string): FakeValue {
    const { r0, c0 } = parseAddress(address);
    const v = this.sheet(name)?.values[r0]?.[c0];
    return v === undefined ? "" : v;
  }

  format(name: string, address: string): string {
    const { r0, c0 } = parseAddress(address);
    return this.sheet(name)?.formats[r0]?.[c0] ?? "General";
  }

  /** Writes that touched a sheet. */
  writesTo(name: string): FakeWrite[] {
    return this.writes.filter((w) => w.sheet === name);
  }

  resetCounters(): void {
    this.syncs = 0;
    this.runs = 0;
    this.requestBytes = [];
    this.responseBytes = [];
    this.writes = [];
    this.screenUpdatingSuspensions = 0;
  }
}

type Op = { run: () => void; bytes: number } | { load: () => number };

class Context {
  queue: Op[] = [];
  calcSuspended = false;
  readonly workbook: WorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  push(run: () => void, bytes = 16): void {
    this.queue.push({ run, bytes });
  }

  /**
   * An API of ExcelApi 1.`minor`: on an older host the request fails at sync with ApiNotFound, as Excel
   * answers for a member its requirement sets lack (what ran before it in the request stays done).
   */
  needs(minor: number, api: string): void {
    const have = this.wb.options.excelApiMinor ?? 14;
    if (have < minor) {
      this.queue.push({
        run: () => {
          throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi 1.${minor}; this host has 1.${have}`);
        },
        bytes: 16,
      });
    }
  }

  async sync(): Promise<void> {
    const wb = this.wb;
    wb.syncs++;
    const queue = this.queue;
    this.queue = [];
    const suspended = this.calcSuspended;
    this.calcSuspended = false;
    if (wb.options.syncDelayMs) await new Promise((r) => setTimeout(r, wb.options.syncDelayMs));
    if (wb.failNext !== null && wb.failNext.count > 0) {
      wb.failNext.count--;
      throw new FakeOfficeError(wb.failNext.code, `simulated ${wb.failNext.code}`);
    }
    if (wb.failAtSync !== null && wb.failAtSync.sync === wb.syncs) {
      throw new FakeOfficeError(wb.failAtSync.code, `simulated ${wb.failAtSync.code} at sync ${wb.syncs}`);
    }
    const request = queue.reduce((n, op) => n + ("bytes" in op ? op.bytes : 32), 0);
    wb.requestBytes.push(request);
    if (request > (wb.options.maxRequestBytes ?? 5_000_000)) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes exceeds the limit`);
    }
    let response = 0;
    const pendingCalc = currentCalc;
    currentCalc = suspended;
    currentSync = wb.syncs;
    try {
      for (const op of queue) {
        if ("run" in op) op.run();
        else response += op.load();
      }
    } finally {
      currentCalc = pendingCalc;
    }
    wb.responseBytes.push(response);
    if (response > (wb.options.maxResponseBytes ?? 5_000_000)) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes exceeds the limit`);
    }
  }
}

let currentCalc = false;
let currentSync = 0;

function record(wb: FakeWorkbook, sheet: string, kind: FakeWrite["kind"], address: string): void {
  wb.writes.push({ sync: currentSync, sheet, kind, address, calcSuspended: currentCalc });
}

/** Base of proxies: properties readable only after load + sync. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  isNullObject = false;
  constructor(protected ctx: Context) {}

  protected get_<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new Error(`PropertyNotLoaded: ${prop} was read before load("${prop}") and context.sync()`);
    }
    return this.loaded.get(prop) as T;
  }

  /** Queues a load of the listed properties, resolved by `read` at sync. */
  protected queueLoad(props: string, read: (prop: string) => unknown): void {
    const list = props
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.ctx.queue.push({
      load: () => {
        let bytes = 0;
        for (const p of list) {
          const v = read(p);
          this.loaded.set(p, v);
          bytes += utf8(JSON.stringify(v) ?? "") + p.length + 4;
        }
        return bytes;
      },
    });
  }
}

class RangeProxy extends ClientObject {
  constructor(
    ctx: Context,
    private rect: () => Rect,
  ) {
    super(ctx);
  }

  get values(): FakeValue[][] {
    return this.get_("values");
  }
  set values(v: FakeValue[][]) {
    const bytes = utf8(JSON.stringify(v));
    this.ctx.push(() => {
      const r = this.rect();
      this.check(v, r, "values");
      for (let i = 0; i < r.rows; i++) {
        const row = (r.sheet.values[r.r0 + i] ??= []);
        for (let j = 0; j < r.columns; j++) row[r.c0 + j] = v[i][j] === null ? row[r.c0 + j] : v[i][j];
      }
      record(this.ctx.wb, r.sheet.name, "values", formatAddress(r));
    }, bytes);
  }
  get numberFormat(): string[][] {
    return this.get_("numberFormat");
  }
  set numberFormat(v: string[][]) {
    const bytes = utf8(JSON.stringify(v));
    this.ctx.push(() => {
      const r = this.rect();
      this.check(v, r, "numberFormat");
      for (let i = 0; i < r.rows; i++) {
        const row = (r.sheet.formats[r.r0 + i] ??= []);
        for (let j = 0; j < r.columns; j++) row[r.c0 + j] = v[i][j];
      }
      record(this.ctx.wb, r.sheet.name, "numberFormat", formatAddress(r));
    }, bytes);
  }
  get rowIndex(): number {
    return this.get_("rowIndex");
  }
  get columnIndex(): number {
    return this.get_("columnIndex");
  }
  get rowCount(): number {
    return this.get_("rowCount");
  }
  get columnCount(): number {
    return this.get_("columnCount");
  }
  get address(): string {
    return this.get_("address");
  }

  private check(v: unknown[][], r: Rect, what: string): void {
    if (!Array.isArray(v) || v.length !== r.rows || v.some((row) => !Array.isArray(row) || row.length !== r.columns)) {
      throw new FakeOfficeError("InvalidArgument", `${what}: the array does not match the size of ${formatAddress(r)}`);
    }
  }

  load(props: string): this {
    this.queueLoad(props, (p) => {
      const r = this.rect();
      switch (p) {
        case "values":
          return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.columns }, (_, j) => r.sheet.values[r.r0 + i]?.[r.c0 + j] ?? ""));
        case "numberFormat":
          return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.columns }, (_, j) => r.sheet.formats[r.r0 + i]?.[r.c0 + j] ?? "General"));
        case "rowIndex":
          return r.r0;
        case "columnIndex":
          return r.c0;
        case "rowCount":
          return r.rows;
        case "columnCount":
          return r.columns;
        case "address":
          return `${r.sheet.name}!${formatAddress(r)}`;
        default:
          throw new Error(`fake Range cannot load ${p}`);
      }
    });
    return this;
  }

  clear(): void {
    this.ctx.push(() => {
      const r = this.rect();
      for (let i = r.r0; i < r.r0 + r.rows && i < r.sheet.values.length; i++) {
        const vr = r.sheet.values[i];
        const fr = r.sheet.formats[i];
        for (let j = r.c0; j < r.c0 + r.columns; j++) {
          if (vr && j < vr.length) vr[j] = "";
          if (fr && j < fr.length) fr[j] = "General";
        }
        r.sheet.bold.delete(i + 1);
      }
      if (r.rows >= 1_048_576) {
        r.sheet.values = [];
        r.sheet.formats = [];
      }
      record(this.ctx.wb, r.sheet.name, "clear", formatAddress(r));
    });
  }

  select(): void {
    this.ctx.push(() => {
      const r = this.rect();
      this.ctx.wb.selection = { sheet: r.sheet.name, address: formatAddress(r) };
    });
  }

  /** ExcelApi 1.1: one row of this range (0-based). */
  getRow(i: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const r = this.rect();
      return { ...r, r0: r.r0 + i, rows: 1 };
    });
  }

  /** ExcelApi 1.1: one cell of this range (0-based). */
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const r = this.rect();
      return { ...r, r0: r.r0 + row, c0: r.c0 + column, rows: 1, columns: 1 };
    });
  }

  /** ExcelApi 1.2: merges the range (across: each row on its own). */
  merge(_across?: boolean): void {
    this.ctx.needs(2, "range.merge");
    this.ctx.push(() => {
      const r = this.rect();
      r.sheet.merges.push(formatAddress(r));
      record(this.ctx.wb, r.sheet.name, "merge", formatAddress(r));
    });
  }

  get format() {
    const self = this;
    /** Records a formatting property (ExcelApi 1.`minor`). */
    const setter =
      (key: string, minor = 1) =>
      (value: unknown) => {
        if (minor > 1) self.ctx.needs(minor, `format.${key}`);
        self.ctx.push(() => {
          const r = self.rect();
          r.sheet.formatting.push({ address: formatAddress(r), key, value });
          record(self.ctx.wb, r.sheet.name, "format", formatAddress(r));
        });
      };
    return {
      font: {
        set bold(b: boolean) {
          self.ctx.push(() => {
            const r = self.rect();
            for (let i = r.r0; i < r.r0 + r.rows; i++) if (b) r.sheet.bold.add(i + 1);
            record(self.ctx.wb, r.sheet.name, "bold", formatAddress(r));
          });
        },
        set name(v: string) {
          setter("font.name")(v);
        },
        set size(v: number) {
          setter("font.size")(v);
        },
        set color(v: string) {
          setter("font.color")(v);
        },
      },
      set horizontalAlignment(v: string) {
        setter("horizontalAlignment")(v);
      },
      set verticalAlignment(v: string) {
        setter("verticalAlignment")(v);
      },
      /** ExcelApi 1.9. */
      set indentLevel(v: number) {
        setter("indentLevel", 9)(v);
      },
      fill: {
        set color(v: string) {
          setter("fill.color")(v);
        },
      },
      borders: {
        getItem(index: string) {
          return {
            set style(v: string) {
              setter(`border.${index}.style`)(v);
            },
            set weight(v: string) {
              setter(`border.${index}.weight`)(v);
            },
          };
        },
      },
      /** ExcelApi 1.2. */
      set rowHeight(h: number) {
        self.ctx.needs(2, "format.rowHeight");
        self.ctx.push(() => {
          const r = self.rect();
          for (let i = r.r0; i < r.r0 + r.rows; i++) r.sheet.rowHeights.set(i + 1, h);
          record(self.ctx.wb, r.sheet.name, "rowHeight", formatAddress(r));
        });
      },
      set columnWidth(w: number) {
        self.ctx.needs(2, "format.columnWidth");
        self.ctx.push(() => {
          const r = self.rect();
          for (let j = r.c0; j < r.c0 + r.columns; j++) r.sheet.columnWidths.set(j, w);
          record(self.ctx.wb, r.sheet.name, "columnWidth", formatAddress(r));
        });
      },
      set wrapText(b: boolean) {
        self.ctx.push(() => {
          const r = self.rect();
          if (b) r.sheet.wrapped.push(formatAddress(r));
          record(self.ctx.wb, r.sheet.name, "wrap", formatAddress(r));
        });
      },
      autofitColumns() {
        self.ctx.needs(2, "format.autofitColumns");
      },
    };
  }

  get dataValidation() {
    const self = this;
    self.ctx.needs(8, "range.dataValidation");
    const set = (key: "rule" | "prompt" | "errorAlert") => (value: unknown) =>
      self.ctx.push(() => {
        const r = self.rect();
        const address = formatAddress(r);
        const entry = r.sheet.validations.get(address) ?? {};
        entry[key] = value;
        r.sheet.validations.set(address, entry);
        record(self.ctx.wb, r.sheet.name, "validation", address);
      });
    return {
      set rule(v: unknown) {
        set("rule")(v);
      },
      set prompt(v: unknown) {
        set("prompt")(v);
      },
      set errorAlert(v: unknown) {
        set("errorAlert")(v);
      },
    };
  }
}

class TableProxy extends ClientObject {
  constructor(
    ctx: Context,
    private table: () => FakeTable,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.get_("name");
  }
  set name(n: string) {
    this.ctx.push(() => {
      const t = this.table();
      if (this.ctx.wb.tables.some((o) => o !== t && o.name === n)) throw new FakeOfficeError("ItemAlreadyExists", `table ${n} exists`);
      t.name = n;
    });
  }
  /** ExcelApi 1.1: the table style's name. */
  set style(v: string) {
    this.ctx.push(() => {
      this.table().style = v;
    });
  }
  load(props: string): this {
    this.queueLoad(props, (p) => {
      if (p === "name") return this.table().name;
      throw new Error(`fake Table cannot load ${p}`);
    });
    return this;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, r0: t.r0, c0: t.c0, rows: t.rows, columns: t.columns };
    });
  }
  /** The data rows only: without the header row and without a totals row. */
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.table();
      return { sheet: t.sheet, r0: t.r0 + 1, c0: t.c0, rows: t.rows - 1 - (t.totalsRow ? 1 : 0), columns: t.columns };
    });
  }
  get worksheet(): WorksheetProxy {
    this.ctx.needs(2, "table.worksheet");
    return new WorksheetProxy(this.ctx, () => this.table().sheet);
  }
  delete(): void {
    this.ctx.push(() => {
      const t = this.table();
      this.ctx.wb.tables = this.ctx.wb.tables.filter((o) => o !== t);
      for (let i = t.r0; i < t.r0 + t.rows; i++) {
        for (let j = t.c0; j < t.c0 + t.columns; j++) if (t.sheet.values[i]) t.sheet.values[i][j] = "";
      }
      record(this.ctx.wb, t.sheet.name, "delete", `table ${t.name}`);
    });
  }
}

class ChartProxy extends ClientObject {
  constructor(
    ctx: Context,
    private chart: () => { sheet: FakeSheet; chart: FakeChart },
  ) {
    super(ctx);
  }
  get name(): string {
    return this.get_("name");
  }
  load(props: string): this {
    this.queueLoad(props, (p) => {
      if (p === "name") return this.chart().chart.name;
      throw new Error(`fake Chart cannot load ${p}`);
    });
    return this;
  }
  get title() {
    const self = this;
    return {
      set text(t: string) {
        self.ctx.push(() => {
          self.chart().chart.title = t;
        });
      },
    };
  }
  setPosition(a: string, b?: string): void {
    this.ctx.push(() => {
      this.chart().chart.position = [a, b ?? a];
    });
  }
  delete(): void {
    this.ctx.push(() => {
      const { sheet, chart } = this.chart();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
      record(this.ctx.wb, sheet.name, "delete", `chart ${chart.name}`);
    });
  }
}

class CollectionProxy<T> extends ClientObject {
  constructor(
    ctx: Context,
    private list: () => T[],
    private make: (item: T) => ClientObject & { load(p: string): unknown },
  ) {
    super(ctx);
  }
  get items(): ReturnType<CollectionProxy<T>["make"]>[] {
    return this.get_("items");
  }
  load(props: string): this {
    const inner = props
      .split(",")
      .map((p) => p.trim().replace(/^items\//, ""))
      .join(",");
    this.ctx.queue.push({
      load: () => {
        const items = this.list().map((x) => {
          const proxy = this.make(x);
          // Items load synchronously here, as part of this same response.
          let bytes = 0;
          const q = this.ctx.queue;
          this.ctx.queue = [];
          proxy.load(inner);
          for (const op of this.ctx.queue) if ("load" in op) bytes += op.load();
          this.ctx.queue = q;
          return { proxy, bytes };
        });
        this.loaded.set(
          "items",
          items.map((i) => i.proxy),
        );
        return items.reduce((n, i) => n + i.bytes, 2);
      },
    });
    return this;
  }
}

class WorksheetProxy extends ClientObject {
  constructor(
    ctx: Context,
    readonly resolve: () => FakeSheet,
  ) {
    super(ctx);
  }
  get name(): string {
    return this.get_("name");
  }
  set name(n: string) {
    this.ctx.push(() => {
      const s = this.resolve();
      checkSheetName(n);
      if (this.ctx.wb.sheets.some((o) => o !== s && o.name.toLowerCase() === n.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `worksheet ${n} exists`);
      record(this.ctx.wb, s.name, "rename", n);
      s.name = n;
    });
  }
  get position(): number {
    return this.get_("position");
  }
  set position(p: number) {
    this.ctx.push(() => {
      const s = this.resolve();
      const list = this.ctx.wb.sheets.filter((o) => o !== s);
      if (p < 0 || p > list.length) throw new FakeOfficeError("InvalidArgument", `position ${p}`);
      list.splice(p, 0, s);
      this.ctx.wb.sheets = list;
    });
  }
  get visibility(): string {
    return this.get_("visibility");
  }
  set visibility(v: string) {
    // "ExcelApi 1.1 for reading visibility; 1.2 for setting it."
    this.ctx.needs(2, "worksheet.visibility (set)");
    this.ctx.push(() => {
      const s = this.resolve();
      if (v !== "Visible" && this.ctx.wb.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      s.visibility = v;
    });
  }
  load(props: string): this {
    this.queueLoad(props, (p) => {
      const s = this.resolve();
      if (p === "name") return s.name;
      if (p === "position") return this.ctx.wb.sheets.indexOf(s);
      if (p === "visibility") return s.visibility;
      throw new Error(`fake Worksheet cannot load ${p}`);
    });
    return this;
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      if (address === undefined) return { sheet, r0: 0, c0: 0, rows: 1_048_576, columns: 16_384 };
      return { sheet, ...parseAddress(address) };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.ctx.needs(2, "getUsedRange(valuesOnly)");
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      let r1 = -1;
      let c1 = -1;
      let r0 = Infinity;
      let c0 = Infinity;
      sheet.values.forEach((row, i) =>
        (row ?? []).forEach((v, j) => {
          const used = v !== "" && v !== undefined && v !== null;
          const formatted = !valuesOnly && (sheet.formats[i]?.[j] ?? "General") !== "General";
          if (used || formatted) {
            r0 = Math.min(r0, i);
            c0 = Math.min(c0, j);
            r1 = Math.max(r1, i);
            c1 = Math.max(c1, j);
          }
        }),
      );
      if (r1 < 0) return { sheet, r0: 0, c0: 0, rows: 1, columns: 1 };
      return { sheet, r0, c0, rows: r1 - r0 + 1, columns: c1 - c0 + 1 };
    });
  }
  get tables() {
    const ctx = this.ctx;
    const self = this;
    const coll = new CollectionProxy<FakeTable>(
      ctx,
      () => ctx.wb.tables.filter((t) => t.sheet === self.resolve()),
      (t) => new TableProxy(ctx, () => t),
    );
    return Object.assign(coll, {
      add(address: string, _hasHeaders: boolean): TableProxy {
        let created: FakeTable | undefined;
        ctx.push(() => {
          const sheet = self.resolve();
          const a = parseAddress(address);
          const clash = ctx.wb.tables.find(
            (t) => t.sheet === sheet && t.r0 < a.r0 + a.rows && a.r0 < t.r0 + t.rows && t.c0 < a.c0 + a.columns && a.c0 < t.c0 + t.columns,
          );
          if (clash) throw new FakeOfficeError("InvalidOperation", `table overlaps ${clash.name}`);
          let n = 1;
          while (ctx.wb.tables.some((t) => t.name === `Table${n}`)) n++;
          created = { name: `Table${n}`, sheet, ...a };
          ctx.wb.tables.push(created);
          record(ctx.wb, sheet.name, "table", address);
        });
        return new TableProxy(ctx, () => {
          if (!created) throw new FakeOfficeError("ItemNotFound", "table not created");
          return created;
        });
      },
    });
  }
  get charts() {
    const ctx = this.ctx;
    const self = this;
    const coll = new CollectionProxy<FakeChart>(
      ctx,
      () => self.resolve().charts,
      (c) => new ChartProxy(ctx, () => ({ sheet: self.resolve(), chart: c })),
    );
    return Object.assign(coll, {
      add(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
        let created: FakeChart | undefined;
        ctx.push(() => {
          const sheet = self.resolve();
          const r = (source as unknown as { rect: () => Rect }).rect();
          created = { name: `Chart ${sheet.charts.length + 1}`, type, source: formatAddress(r), seriesBy, title: "" };
          sheet.charts.push(created);
          record(ctx.wb, sheet.name, "chart", formatAddress(r));
        });
        return new ChartProxy(ctx, () => {
          if (!created) throw new FakeOfficeError("ItemNotFound", "chart not created");
          return { sheet: self.resolve(), chart: created };
        });
      },
    });
  }
  /** ExcelApi 1.9: absent (undefined) below it, as in an older Excel. */
  get pageLayout() {
    const self = this;
    if ((self.ctx.wb.options.excelApiMinor ?? 14) < 9) return undefined as never;
    const set = (apply: (p: FakeSheet["pageLayout"]) => void) =>
      self.ctx.push(() => {
        const s = self.resolve();
        apply(s.pageLayout);
        record(self.ctx.wb, s.name, "pageLayout", "");
      });
    const prop = (key: string) => (v: unknown) => set((p) => (p[key] = v));
    return {
      set paperSize(v: string) {
        set((p) => (p.paperSize = v));
      },
      set orientation(v: string) {
        set((p) => (p.orientation = v));
      },
      set zoom(v: unknown) {
        set((p) => (p.zoom = v));
      },
      setPrintTitleRows(v: string) {
        set((p) => (p.printTitleRows = v));
      },
      setPrintTitleColumns(v: string) {
        prop("printTitleColumns")(v);
      },
      set printOrder(v: string) {
        prop("printOrder")(v);
      },
      set centerHorizontally(v: boolean) {
        prop("centerHorizontally")(v);
      },
      set leftMargin(v: number) {
        prop("leftMargin")(v);
      },
      set rightMargin(v: number) {
        prop("rightMargin")(v);
      },
      set topMargin(v: number) {
        prop("topMargin")(v);
      },
      set bottomMargin(v: number) {
        prop("bottomMargin")(v);
      },
      set headerMargin(v: number) {
        prop("headerMargin")(v);
      },
      set footerMargin(v: number) {
        prop("footerMargin")(v);
      },
      headersFooters: {
        defaultForAllPages: {
          set leftHeader(v: string) {
            prop("leftHeader")(v);
          },
          set centerHeader(v: string) {
            prop("centerHeader")(v);
          },
          set rightHeader(v: string) {
            prop("rightHeader")(v);
          },
          set leftFooter(v: string) {
            prop("leftFooter")(v);
          },
          set centerFooter(v: string) {
            prop("centerFooter")(v);
          },
          set rightFooter(v: string) {
            prop("rightFooter")(v);
          },
        },
      },
    };
  }
  /** ExcelApi 1.9: manual page breaks; `add(cell)` starts a page at that cell's row. */
  get horizontalPageBreaks() {
    const self = this;
    self.ctx.needs(9, "worksheet.horizontalPageBreaks");
    return {
      add(address: string) {
        self.ctx.push(() => {
          const s = self.resolve();
          s.pageBreaks.push(address);
          record(self.ctx.wb, s.name, "pageBreak", address);
        });
      },
    };
  }
  get freezePanes() {
    const self = this;
    self.ctx.needs(7, "worksheet.freezePanes");
    return {
      freezeRows(n: number) {
        self.ctx.push(() => {
          const s = self.resolve();
          s.frozenRows = n;
          record(self.ctx.wb, s.name, "freeze", String(n));
        });
      },
    };
  }
  activate(): void {
    this.ctx.push(() => {
      this.ctx.wb.active = this.resolve().name;
    });
  }
  delete(): void {
    this.ctx.push(() => {
      const s = this.resolve();
      if (s.visibility === "Visible" && this.ctx.wb.sheets.filter((o) => o !== s && o.visibility === "Visible").length === 0) {
        throw new FakeOfficeError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((x) => x !== s);
      this.ctx.wb.tables = this.ctx.wb.tables.filter((t) => t.sheet !== s);
      record(this.ctx.wb, s.name, "delete", "sheet");
    });
  }
}

/**
 * As in Office.js, a proxy finds its object (by name) when first used, then keeps that object (its id):
 * a sheet or table renamed or moved later in the same request is still the same object.
 */
function resolveOnce<T>(list: () => readonly T[], matches: (x: T) => boolean, what: string): () => T {
  let found: T | undefined;
  return () => {
    if (found !== undefined && list().includes(found)) return found;
    const x = list().find(matches);
    if (x === undefined) throw new FakeOfficeError("ItemNotFound", `${what} not found`);
    found = x;
    return x;
  };
}

class WorkbookProxy {
  constructor(private ctx: Context) {}
  get worksheets() {
    const ctx = this.ctx;
    const byName = (name: string) =>
      resolveOnce(
        () => ctx.wb.sheets,
        (s) => s.name === name,
        `worksheet ${name}`,
      );
    const coll = new CollectionProxy<FakeSheet>(
      ctx,
      () => ctx.wb.sheets,
      (s) => new WorksheetProxy(ctx, () => s),
    );
    return Object.assign(coll, {
      getItem: (name: string) => new WorksheetProxy(ctx, byName(name)),
      add: (name: string) => {
        ctx.push(() => {
          checkSheetName(name);
          if (ctx.wb.sheets.some((o) => o.name.toLowerCase() === name.toLowerCase()))
            throw new FakeOfficeError("ItemAlreadyExists", `worksheet ${name} exists`);
          ctx.wb.sheets.push(newSheet(name));
          record(ctx.wb, name, "add", "sheet");
        });
        return new WorksheetProxy(ctx, byName(name));
      },
      getActiveWorksheet: () => new WorksheetProxy(ctx, () => byName(ctx.wb.active)()),
    });
  }
  get tables() {
    const ctx = this.ctx;
    const byName = (name: string) =>
      resolveOnce(
        () => ctx.wb.tables,
        (t) => t.name === name,
        `table ${name}`,
      );
    const coll = new CollectionProxy<FakeTable>(
      ctx,
      () => ctx.wb.tables,
      (t) => new TableProxy(ctx, () => t),
    );
    return Object.assign(coll, { getItem: (name: string) => new TableProxy(ctx, byName(name)) });
  }
  get application() {
    const ctx = this.ctx;
    return {
      suspendApiCalculationUntilNextSync() {
        ctx.needs(6, "suspendApiCalculationUntilNextSync");
        ctx.calcSuspended = true;
      },
      suspendScreenUpdatingUntilNextSync() {
        ctx.needs(9, "suspendScreenUpdatingUntilNextSync");
        ctx.wb.screenUpdatingSuspensions++;
      },
    };
  }
}

/** What the fake injects as globals: `Excel`, `Office`, `OfficeExtension`, `CustomFunctions`. */
export interface FakeOffice {
  workbook: FakeWorkbook;
  Excel: { run<T>(batch: (context: unknown) => Promise<T>): Promise<T>; ErrorCodes: Record<string, string> };
  Office: Record<string, unknown>;
  OfficeExtension: Record<string, unknown>;
  /** Absent without the shared runtime (`sharedRuntime: false`). */
  CustomFunctions: Record<string, unknown> | undefined;
}

export function createFakeOffice(options: FakeOptions = {}): FakeOffice {
  const workbook = new FakeWorkbook(options);
  const minor = options.excelApiMinor ?? 14;
  const host = options.host === undefined ? "Excel" : options.host;
  const shared = options.sharedRuntime !== false;
  const Excel = {
    async run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
      workbook.runs++;
      const ctx = new Context(workbook);
      const result = await batch(ctx);
      if (ctx.queue.length > 0) await ctx.sync();
      return result;
    },
    ErrorCodes: { itemNotFound: "ItemNotFound", itemAlreadyExists: "ItemAlreadyExists" },
  };
  const Office: Record<string, unknown> = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline" },
    StartupBehavior: { load: "Load", none: "None" },
    context: {
      displayLanguage: options.displayLanguage ?? "zh-CN",
      requirements: {
        isSetSupported(name: string, version?: string | number): boolean {
          if (name !== "ExcelApi") return shared && (name === "SharedRuntime" || name === "CustomFunctionsRuntime");
          const v = Number(String(version ?? "1.1").split(".")[1] ?? 0);
          return minor > 0 && v <= minor;
        },
      },
    },
    onReady(cb?: (info: { host: string | null; platform: string | null }) => void) {
      const info = { host, platform: host === null ? null : "OfficeOnline" };
      if (cb) cb(info);
      return Promise.resolve(info);
    },
    addin: {
      setStartupBehavior: () => Promise.resolve(),
      showAsTaskpane: () => Promise.resolve(),
      onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
    },
    actions: { associate() {} },
  };
  if (!shared) delete Office.addin;
  return {
    workbook,
    Excel,
    Office,
    OfficeExtension: { Error: FakeOfficeError },
    CustomFunctions: shared ? { associate() {}, Error: FakeOfficeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } } : undefined,
  };
}
