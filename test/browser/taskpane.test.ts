/**
 * The built task pane (dist/taskpane.html) in headless Chromium, with the fake Office/Excel of
 * test/excel/fake-excel.ts served in place of office.js: 新建 → 计算 → summary card, the error list and
 * its cell selection, a household id that looks like HTML, English, and the not-ready messages.
 *
 * Needs Debian's chromium (/usr/bin/chromium, `apt-get install -y chromium`) and `npm run build`;
 * without either it prints SKIP and the reason. It never downloads a browser and never uses the network:
 * office.js is intercepted, every other non-local request is refused.
 * UPDATE_SCREENSHOTS=1 also writes the 用户手册 screenshots to docs/images/.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import * as ts from "typescript";
import type { BrowserContext, Page } from "playwright-core";
import { calculate } from "../../src/engine";
import { percentText } from "../../src/engine";
import { moneyText } from "../../src/workbook";
import { EXAMPLE_INPUT } from "../../src/workbook";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(ROOT, "test/artifacts");
const DOC_IMAGES = path.join(ROOT, "docs/images");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const skipReason = !fs.existsSync(CHROMIUM)
  ? `${CHROMIUM} is absent (apt-get install -y chromium)`
  : !fs.existsSync(path.join(DIST, "taskpane.html"))
    ? "dist/taskpane.html is not built (npm run build)"
    : undefined;
if (skipReason !== undefined) process.stderr.write(`SKIP: browser test of the task pane: ${skipReason}\n`);
const maybe = skipReason === undefined ? describe : describe.skip;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A static server for dist/ on 127.0.0.1 (random port). */
function serveDist(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.normalize(path.join(DIST, decodeURIComponent(url.pathname)));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The fake as a browser script that installs Office, Excel, OfficeExtension and CustomFunctions. */
function fakeOfficeScript(): string {
  const source = fs.readFileSync(path.join(ROOT, "test/excel/fake-excel.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${js}
  var fake = exports.createFakeOffice(window.__FAKE_OPTIONS__ || {});
  window.__fake = fake;
  window.Office = fake.Office; window.Excel = fake.Excel;
  window.OfficeExtension = fake.OfficeExtension; window.CustomFunctions = fake.CustomFunctions;
})();`;
}

/** The engine's figures for the bundled example (what the card must show). */
const example = (() => {
  const r = calculate(EXAMPLE_INPUT);
  if (!r.ok) throw new Error("example is invalid");
  return r.value;
})();

maybe("the task pane in Chromium", () => {
  let server: http.Server;
  let base: string;
  let context: BrowserContext;
  let profile: string;
  const fakeJs = skipReason === undefined ? fakeOfficeScript() : "";

  beforeAll(async () => {
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "reno-chromium-"));
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(profile, {
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
      viewport: { width: 380, height: 900 },
      deviceScaleFactor: 1,
      locale: "zh-CN",
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "application/javascript", body: fakeJs });
      if (url.startsWith(base)) return route.continue();
      return route.abort();
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((r) => server?.close(r));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  /** Opens the task pane with the given fake options; collects page errors and CSP violations. */
  async function open(options: Record<string, unknown> = {}): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
    await page.addInitScript((o) => {
      const w = window as unknown as Record<string, unknown>;
      w.__FAKE_OPTIONS__ = o;
      w.__alerts = [];
      window.alert = (msg?: unknown) => (w.__alerts as unknown[]).push(msg);
      document.addEventListener("securitypolicyviolation", (e) => ((w.__csp ??= []) as string[]).push(`${e.violatedDirective} ${e.blockedURI}`));
    }, options);
    await page.goto(`${base}/taskpane.html`);
    // The page settles on the app or on a not-ready message; say why if it does neither.
    await page
      .locator("[data-testid=app], [data-testid=not-ready]")
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(async (e) => {
        throw new Error(`task pane did not start: ${(e as Error).message}\n${problems.join("\n")}\n${(await page.content()).slice(0, 2000)}`);
      });
    return { page, problems };
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      fs.mkdirSync(DOC_IMAGES, { recursive: true });
      fs.copyFileSync(path.join(ARTIFACTS, name), path.join(DOC_IMAGES, name));
    }
  }

  /** Sets a cell of the fake workbook inside the page, as a user typing in Excel. */
  const typeCell = (page: Page, sheet: string, address: string, value: string | number) =>
    page.evaluate(
      ([s, a, v]) => {
        const m = /^([A-Z])(\d+)$/.exec(a as string)!;
        const wb = (window as unknown as { __fake: { workbook: { sheet(n: string): { values: unknown[][] } } } }).__fake.workbook;
        const rows = wb.sheet(s as string).values;
        (rows[Number(m[2]) - 1] ??= [])[m[1].charCodeAt(0) - 65] = v;
      },
      [sheet, address, value] as const,
    );

  const fakeState = <T>(page: Page, f: string) =>
    page.evaluate((body) => new Function("fake", `return (${body})(fake)`)((window as unknown as { __fake: unknown }).__fake), f) as Promise<T>;

  it("creates the workbook, calculates, and shows the engine's figures on the summary card", async () => {
    const { page, problems } = await open({ syncDelayMs: 250 });
    await page.getByTestId("app").waitFor();
    await page.getByTestId("create").click();
    await page.getByTestId("message").getByText("已新建工作表").waitFor();
    expect(await fakeState<string[]>(page, "(f) => f.workbook.sheets.map((s) => s.name)")).toEqual(["Sheet1", "政策参数", "项目信息", "住户", "加装电梯"]);
    // After 新建, the new 政策参数 sheet is the policy shown.
    await page.getByTestId("policy-panel").getByText("来自“政策参数”表（default）").waitFor();
    expect(await page.getByTestId("policy-brief").innerText()).toContain("10% / 30% / 70%");
    expect(await page.getByTestId("policy-brief").innerText()).toContain("补助上限 300 元/m²");

    await page.getByTestId("calculate").click();
    // Over a second (the fake's syncs take 250 ms each): the progress indicator shows.
    await page.getByTestId("progress").waitFor({ timeout: 5000 });
    await page.getByTestId("summary").waitFor({ timeout: 15000 });
    const p = example.project;
    expect(await page.getByTestId("sum-total").innerText()).toBe(`${moneyText(p.totalInvestment)} 元`);
    expect(await page.getByTestId("sum-resident").innerText()).toBe(`${moneyText(p.residentTotal)} 元`);
    expect(await page.getByTestId("sum-social").innerText()).toBe(`${moneyText(p.socialCapital)} 元`);
    expect(await page.getByTestId("sum-fiscal").innerText()).toBe(`${moneyText(p.fiscalSubsidy)} 元`);
    expect(await page.getByTestId("sum-per-sqm").innerText()).toBe(`${moneyText(p.fiscalPerSqm)} 元/m²`);
    expect(await page.getByTestId("sum-collection").innerText()).toContain(percentText(example.totals!.collectionRate));
    expect(p.approvalPath).toBe("merge3");
    expect(await page.getByTestId("sum-approval").innerText()).toBe("三合一：项目建议书、可行性研究报告、初步设计合并编制审批");
    expect(await page.getByTestId("sum-vote").innerText()).toContain(example.vote!.approvalPassed ? "同意通过" : "同意未通过");
    expect(await page.getByTestId("summary-stage").innerText()).toBe("概算");
    expect(await page.getByTestId("progress").count()).toBe(0);
    expect(await fakeState<string[]>(page, "(f) => f.workbook.sheets.map((s) => s.name)")).toEqual([
      "Sheet1",
      "政策参数",
      "项目信息",
      "住户",
      "加装电梯",
      "测算结果",
      "电梯分摊",
      "资金汇总",
      "计算说明",
    ]);
    expect(await fakeState<number>(page, "(f) => f.workbook.sheet('资金汇总').charts.length")).toBe(2);
    await shot(page, "taskpane-summary.png");
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])).toEqual([]);
    await page.close();
  });

  it("lists input problems with their cells, selects a cell on click, writes nothing, and shows HTML-like text literally", async () => {
    const { page, problems } = await open();
    await page.getByTestId("create").click();
    await page.getByTestId("message").getByText("已新建工作表").waitFor();
    const xss = "<img src=x onerror=alert(1)>";
    await typeCell(page, "住户", "A2", xss);
    await typeCell(page, "住户", "A3", xss);
    await typeCell(page, "住户", "C5", 0);
    await page.evaluate(() => (window as unknown as { __fake: { workbook: { resetCounters(): void } } }).__fake.workbook.resetCounters());
    await page.getByTestId("calculate").click();
    await page.getByTestId("errors").waitFor();
    expect(await page.getByTestId("error-ref").allInnerTexts()).toEqual(["住户!A3", "住户!C5"]);
    const list = await page.getByTestId("errors").innerText();
    expect(list).toContain(`房号重复：${xss}`);
    expect(list).toContain("面积必须大于0，实为 0");
    expect(await page.locator("[data-testid=errors] img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([]);
    expect(await page.getByTestId("message").innerText()).toContain("发现 2 个输入问题，未写入任何内容");
    expect(await fakeState<unknown[]>(page, "(f) => f.workbook.writes")).toEqual([]);

    await page.getByTestId("error-ref").nth(1).click();
    await page.waitForFunction(() => (window as unknown as { __fake: { workbook: { selection: unknown } } }).__fake.workbook.selection !== null);
    expect(await fakeState(page, "(f) => f.workbook.selection")).toEqual({ sheet: "住户", address: "C5" });
    await shot(page, "taskpane-errors.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("speaks English when Office's display language is English", async () => {
    const { page, problems } = await open({ displayLanguage: "en-US" });
    await page.getByTestId("app").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Old-community renovation funding");
    expect(await page.getByTestId("calculate").innerText()).toBe("Calculate / settle");
    await page.getByTestId("policy").selectOption("yueqing-2023");
    await page.getByTestId("policy-panel").getByText("Built-in policy yueqing-2023").waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when Excel is not there or too old, instead of showing buttons that cannot work", async () => {
    const outside = await open({ host: null });
    expect(await outside.page.getByTestId("not-ready").innerText({ timeout: 15000 })).toContain("Excel 尚未就绪");
    await outside.page.close();
    const old = await open({ excelApiMinor: 0 });
    expect(await old.page.getByTestId("not-ready").innerText()).toContain("Excel 版本过旧");
    expect(await old.page.getByTestId("app").count()).toBe(0);
    await old.page.close();
  });
});
