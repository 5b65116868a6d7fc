/**
 * What the browser tests share: a static server for dist/ on 127.0.0.1, Debian's Chromium driven by
 * playwright-core (never downloaded), the fake Office/Excel of test/excel/fake-excel.ts served in place of
 * office.js, and a page opener that collects page errors, failed requests and CSP violations.
 * Every non-local request is refused: the tests never use the network.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import * as ts from "typescript";
import type { BrowserContext, Page, Route } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.join(ROOT, "test/artifacts");
export const DOC_IMAGES = path.join(ROOT, "docs/images");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The narrowest task pane Excel shows (and what the defects were seen at). */
export const PANE_WIDTH = 320;

/** Why the browser tests cannot run here, or undefined. */
export const skipReason = !fs.existsSync(CHROMIUM)
  ? `${CHROMIUM} is absent (apt-get install -y chromium)`
  : !fs.existsSync(path.join(DIST, "taskpane.html"))
    ? "dist/taskpane.html is not built (npm run build)"
    : undefined;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A static server for a folder on 127.0.0.1 (random port). */
export function serve(dir: string = DIST): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export const baseOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** The fake as a browser script that installs Office, Excel, OfficeExtension and (when present) CustomFunctions. */
export function fakeOfficeScript(): string {
  const source = fs.readFileSync(path.join(ROOT, "test/excel/fake-excel.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${js}
  var fake = exports.createFakeOffice(window.__FAKE_OPTIONS__ || {});
  window.__fake = fake;
  window.Office = fake.Office; window.Excel = fake.Excel;
  window.OfficeExtension = fake.OfficeExtension;
  if (fake.CustomFunctions !== undefined) window.CustomFunctions = fake.CustomFunctions;
})();`;
}

/** Headless Chromium with a fresh profile, no network of its own. */
export async function launch(locale = "zh-CN"): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "reno-chromium-"));
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: PANE_WIDTH, height: 900 },
    deviceScaleFactor: 1,
    locale,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Routes office.js to `officeJs` (a script body, or a function answering the route) and refuses every other non-local URL. */
export async function routeOffice(context: BrowserContext, base: string, officeJs: string | ((route: Route) => Promise<void>)): Promise<void> {
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS && typeof officeJs === "string") return route.fulfill({ status: 200, contentType: "application/javascript", body: officeJs });
    if (url.startsWith("https://appsforoffice.microsoft.com/") && typeof officeJs === "function") return officeJs(route);
    if (url.startsWith(base)) return route.continue();
    return route.abort();
  });
}

/**
 * Built-ins Internet Explorer 11 lacks, deleted before any script of the page runs (IE11-like; real IE11
 * is not available here). The loader then picks the legacy bundle, whose polyfills must bring them back;
 * BigInt stays absent, so the engine takes its decimal.js path. The fake Excel uses none of them.
 */
export const IE11_MISSING = [
  "String.prototype.replaceAll",
  "String.prototype.matchAll",
  "String.prototype.normalize",
  "String.prototype.padStart",
  "String.prototype.padEnd",
  "String.prototype.trimStart",
  "String.prototype.trimEnd",
  "String.prototype.at",
  "Array.prototype.at",
  "Array.prototype.flat",
  "Array.prototype.flatMap",
  "Object.fromEntries",
  "Promise.allSettled",
  "Promise.any",
  "Number.isSafeInteger",
  "BigInt",
];

export interface OpenOptions {
  /** Options of the fake (excelApiMinor, sharedRuntime, displayLanguage …). */
  readonly fake?: Record<string, unknown>;
  /** Delete IE11_MISSING before the page runs. */
  readonly ie11Like?: boolean;
  /** Query string of the page (`?_host_Info=…`). */
  readonly query?: string;
  /** Wait for the app or a not-ready message (default true). */
  readonly settle?: boolean;
}

export interface Opened {
  readonly page: Page;
  /** Page errors, console errors and failed requests. */
  readonly problems: string[];
}

/** Opens dist/taskpane.html; collects page errors and CSP violations (window.__csp). */
export async function openPane(context: BrowserContext, base: string, options: OpenOptions = {}): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  await page.addInitScript(
    ([o, missing]) => {
      const w = window as unknown as Record<string, unknown>;
      w.__FAKE_OPTIONS__ = o;
      w.__alerts = [];
      window.alert = (msg?: unknown) => (w.__alerts as unknown[]).push(msg);
      document.addEventListener("securitypolicyviolation", (e) =>
        ((w.__csp ??= []) as string[]).push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
      for (const name of missing as string[]) {
        const parts = name.split(".");
        let owner: Record<string, unknown> = window as unknown as Record<string, unknown>;
        for (const p of parts.slice(0, -1)) owner = owner[p] as Record<string, unknown>;
        delete owner[parts[parts.length - 1]];
      }
    },
    [options.fake ?? {}, options.ie11Like ? IE11_MISSING : []] as const,
  );
  await page.goto(`${base}/taskpane.html${options.query ?? ""}`);
  if (options.settle !== false) {
    // The page settles on the app or on a not-ready message; say why if it does neither.
    await page
      .locator("[data-testid=app], [data-testid=not-ready]")
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (e) => {
        throw new Error(`task pane did not start: ${(e as Error).message}\n${problems.join("\n")}\n${(await page.content()).slice(0, 2000)}`);
      });
  }
  return { page, problems };
}

/** Saves a screenshot to test/artifacts/ (and to docs/images/ with UPDATE_SCREENSHOTS=1). */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
  if (process.env.UPDATE_SCREENSHOTS === "1") {
    fs.mkdirSync(DOC_IMAGES, { recursive: true });
    fs.copyFileSync(path.join(ARTIFACTS, name), path.join(DOC_IMAGES, name));
  }
}

/** Sets a cell of the fake workbook inside the page, as a user typing in Excel. */
export const typeCell = (page: Page, sheet: string, address: string, value: string | number | null) =>
  page.evaluate(
    ([s, a, v]) => {
      const m = /^([A-Z])(\d+)$/.exec(a as string)!;
      const wb = (window as unknown as { __fake: { workbook: { sheet(n: string): { values: unknown[][] } } } }).__fake.workbook;
      const rows = wb.sheet(s as string).values;
      (rows[Number(m[2]) - 1] ??= [])[m[1].charCodeAt(0) - 65] = v === null ? "" : v;
    },
    [sheet, address, value] as const,
  );

/** Evaluates `(fake) => …` against the page's fake. */
export const fakeState = <T>(page: Page, f: string) =>
  page.evaluate((body) => new Function("fake", `return (${body})(fake)`)((window as unknown as { __fake: unknown }).__fake), f) as Promise<T>;

/** Nothing wider than the pane: the page does not scroll sideways and no element passes its right edge. */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5)
        out.push(`${el.tagName.toLowerCase()}[${el.getAttribute("data-testid") ?? el.className}] right ${Math.round(r.right)}`);
    }
    return out;
  });
}
