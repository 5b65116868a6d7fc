/**
 * The page's Content-Security-Policy against the REAL office.js: npm `@microsoft/office-js` (its dist/,
 * the files of appsforoffice.microsoft.com/lib/1/hosted/) is served in place of the CDN, into the built
 * dist/taskpane.html, in headless Chromium. Any `securitypolicyviolation` fails the test unless it is listed
 * in HARMLESS with its reason (the list is empty: the policy allows exactly what office.js loads).
 *
 * Scenarios (what office.js does depends on the host it detects — /work/notes/officejs-csp.md):
 * - a plain browser (no host): o15apptofilemappingtable.js, and 3 s later its logging iframe
 *   (telemetryservice.firstpartyapps.oaspapps.com) with an inline style;
 * - Excel on Windows 16.01 (`_host_Info`): excel-win32-16.01.js and zh-cn/office_strings.js;
 * - Excel on Windows 16.00: the same plus MicrosoftAjax.js from ajax.aspnetcdn.com, without which that host
 *   file cannot start, and the logging iframe;
 * - Excel on the web: excel-web-16.00.js;
 * - the legacy pane (IE11-like) in a plain browser.
 * No network here: the CDN hosts other than office.js's own are refused by the test (a failed request, not
 * a CSP violation). A control run with the previous, stricter policy shows the check does see violations.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import type { BrowserContext, Page, Route } from "playwright-core";
import { DIST, ROOT, baseOf, launch, openPane, serve, skipReason } from "./harness";

const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const hasOfficeJs = fs.existsSync(path.join(OFFICE_DIST, "office.js"));
const reason = skipReason ?? (hasOfficeJs ? undefined : "node_modules/@microsoft/office-js is not installed (npm ci)");
if (reason !== undefined) process.stderr.write(`SKIP: office.js CSP test: ${reason}\n`);
const maybe = reason === undefined ? describe : describe.skip;

/**
 * Violations that may occur here and why they are harmless:
 * - excel-win32-16.00.js loads MicrosoftAjax.js from the protocol-relative `//ajax.aspnetcdn.com/…`. This
 *   test serves the page over http, so it asks for http://ajax.aspnetcdn.com, which the policy (https only)
 *   refuses. Office loads add-ins over https only, where the same URL is https://ajax.aspnetcdn.com/…,
 *   which the policy allows — the 16.00 scenario checks that URL is allowed.
 * Nothing else: were `frame-src` narrowed again, office.js's logging frame would be blocked (logs only) and
 * would have to be listed here with that reason.
 */
const HARMLESS: readonly RegExp[] = [/^script-src-elem http:\/\/ajax\.aspnetcdn\.com\/ajax\/3\.5\/MicrosoftAjax\.js /];

/** The policy before issue 11 (scripts from 'self' and the CDN only), for the control run. */
const OLD_CSP =
  "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

maybe("the real office.js under the page's Content-Security-Policy", () => {
  let server: http.Server;
  let base: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  /** Every URL office.js asked the CDN for, by scenario. */
  let cdn: string[] = [];

  beforeAll(async () => {
    server = await serve();
    base = baseOf(server);
    ({ context, close } = await launch());
    await context.route("**/*", async (route: Route) => {
      const url = route.request().url();
      if (url.startsWith(HOSTED)) {
        cdn.push(url.slice(HOSTED.length));
        const file = path.normalize(path.join(OFFICE_DIST, decodeURIComponent(new URL(url).pathname.slice("/lib/1/hosted/".length))));
        if (!file.startsWith(OFFICE_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
        return route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body: fs.readFileSync(file) });
      }
      if (url.startsWith(base)) return route.continue();
      // Offline: MicrosoftAjax, the logging frame, telemetry.
      return route.abort();
    });
  });

  afterAll(async () => {
    await close?.();
    await new Promise((r) => server?.close(r));
  });

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  const undocumented = (list: string[]) => list.filter((v) => !HARMLESS.some((h) => h.test(v)));

  async function scenario(query: string, options: { ie11Like?: boolean } = {}) {
    cdn = [];
    const { page, problems } = await openPane(context, base, { query, ie11Like: options.ie11Like, settle: false });
    // office.js's logging frame comes 3 s after its host file; the pane gives up on Office.onReady after 10 s.
    await page.locator("[data-testid=app], [data-testid=not-ready]").first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(4000);
    const found = await violations(page);
    const requests = [...cdn];
    const failed = problems.filter((p) => p.startsWith("requestfailed:"));
    return { page, found, requests, failed, problems };
  }

  it("loads in a plain browser (no host): the pane says Excel is not ready, no violation", async () => {
    const r = await scenario("");
    expect(r.requests).toEqual(expect.arrayContaining(["office.js", "o15apptofilemappingtable.js"]));
    expect(await r.page.getByTestId("not-ready").innerText()).toContain("Excel 尚未就绪");
    expect(await r.page.evaluate(() => (window as unknown as { __renoPane?: string }).__renoPane)).toBe("modern");
    // The logging frame was allowed (and then failed offline), not blocked.
    expect(r.failed.some((f) => f.includes("telemetryservice.firstpartyapps.oaspapps.com"))).toBe(true);
    expect(undocumented(r.found)).toEqual([]);
    await r.page.close();
  });

  it.each([
    ["Excel on Windows 16.01", "Excel$Win32$16.01$zh-CN$$$$0", ["excel-win32-16.01.js", "zh-cn/office_strings.js"], []],
    ["Excel on Windows 16.00", "Excel$Win32$16.00$zh-CN$$$$0", ["excel-win32-16.00.js"], ["ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js"]],
    ["Excel on the web", "Excel$Web$16.00$zh-CN$$$$0", ["excel-web-16.00.js"], []],
  ])("loads %s's host file with no violation", async (_name, hostInfo, files, offline) => {
    const r = await scenario(`?_host_Info=${hostInfo}`);
    expect(r.requests).toEqual(expect.arrayContaining(["office.js", ...files]));
    // Asked for (over http here: see HARMLESS), refused because this machine is offline.
    for (const o of offline) expect(r.failed.some((f) => f.includes(o))).toBe(true);
    expect(undocumented(r.found)).toEqual([]);
    if (offline.length > 0) {
      // On an https page (Office's), the URL is https://…: the policy allows it — no new violation.
      const before = (await violations(r.page)).length;
      await r.page.evaluate((src) => {
        const s = document.createElement("script");
        s.src = src;
        document.head.appendChild(s);
      }, `https://${offline[0]}`);
      await r.page.waitForTimeout(500);
      expect((await violations(r.page)).slice(before)).toEqual([]);
      expect(r.problems.some((p) => p.startsWith(`requestfailed: https://${offline[0]}`))).toBe(true);
    }
    // Without a real Excel, Office.onReady never answers: the pane says so after its wait.
    await r.page.getByTestId("not-ready").waitFor({ timeout: 20_000 });
    await r.page.close();
  });

  it("loads the legacy pane (IE11-like) under the same policy with no violation", async () => {
    const r = await scenario("", { ie11Like: true });
    expect(await r.page.evaluate(() => (window as unknown as { __renoPane?: string }).__renoPane)).toBe("legacy");
    expect(await r.page.getByTestId("not-ready").innerText()).toContain("Excel 尚未就绪");
    expect(undocumented(r.found)).toEqual([]);
    expect(r.problems.filter((p) => p.startsWith("pageerror"))).toEqual([]);
    await r.page.close();
  });

  it("(control) sees the violations of the previous, stricter policy: the logging frame and MicrosoftAjax.js blocked", async () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const current = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
    expect(current).not.toBeNull();
    const load = async (query: string) => {
      const page = await context.newPage();
      await page.route(`${base}/taskpane.html*`, (route) =>
        route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html.replace(current![1], OLD_CSP) }),
      );
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          (((window as unknown as { __csp?: string[] }).__csp ??= []) as string[]).push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      await page.goto(`${base}/taskpane.html${query}`);
      await page.waitForTimeout(4500);
      const found = await violations(page);
      await page.close();
      return found;
    };
    // A plain browser: office.js's logging frame (its inline style was already allowed for Fluent UI).
    const plain = await load("");
    expect(plain).toEqual(["frame-src https://telemetryservice.firstpartyapps.oaspapps.com"]);
    // Excel on Windows 16.00: MicrosoftAjax.js refused — fatal in a real Excel of that build.
    const win = await load("?_host_Info=Excel$Win32$16.00$zh-CN$$$$0");
    expect(win.some((v) => /^script-src-elem https?:\/\/ajax\.aspnetcdn\.com\//.test(v))).toBe(true);
  });
});
