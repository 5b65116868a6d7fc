/**
 * The manifest Excel installs, checked offline (office-addin-manifest's `validate` needs Microsoft's online
 * service): well-formed XML, a GUID id, one https origin for every URL, every referenced file present in
 * dist/ after the build, icons of the declared sizes, the shared-runtime wiring of office-platform.md,
 * and the RENO namespace and ids in agreement with dist/functions.json.
 */
import fs from "fs";
import path from "path";
import { DEV_URL, DIST, ROOT, ensureDist, readBuildInfo } from "../functions/ensure-dist";

// xml2js comes with office-addin-manifest (which parses manifests with it); it has no bundled types.
const xml2js = require("xml2js") as { parseStringPromise(xml: string, options: object): Promise<XmlNode> };

/** xml2js node with explicitChildren + preserveChildrenOrder: `#name`, `$` attributes, `$$` children. */
interface XmlNode {
  "#name": string;
  $?: Record<string, string>;
  $$?: XmlNode[];
  _?: string;
  [child: string]: unknown;
}

const EXPECTED_IDS = [
  "RESIDENTSHARE",
  "SUBSIDY",
  "FUNDING",
  "RELIEFRATE",
  "ALLOCATE",
  "HOUSEHOLDS",
  "VOTE",
  "APPROVALPATH",
  // issue 13: 加装电梯
  "ELEVATORSUBSIDY",
  "ELEVATORSHARES",
];

async function parse(xml: string): Promise<XmlNode> {
  const doc = await xml2js.parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, explicitRoot: true, strict: true });
  return (doc as unknown as Record<string, XmlNode>).OfficeApp;
}

/** Every element below `node`, depth first. */
function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const c of node.$$ ?? []) yield* walk(c);
}

const local = (n: XmlNode) => n["#name"].replace(/^.*:/, "");
const children = (n: XmlNode, name: string) => (n.$$ ?? []).filter((c) => local(c) === name);
const child = (n: XmlNode, name: string) => {
  const c = children(n, name);
  if (c.length !== 1) throw new Error(`expected one <${name}> in <${n["#name"]}>, found ${c.length}`);
  return c[0];
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** The base URL dist/ was built for: https://localhost:3000/, or ADDIN_BASE_URL. */
let BASE: string;
/** The dist/ file a manifest URL names. */
const fileOf = (url: string) => {
  expect(url.startsWith(BASE)).toBe(true);
  return path.join(DIST, decodeURIComponent(url.slice(BASE.length).split(/[?#]/)[0]));
};

let root: XmlNode;
let urls: { url: string; where: string }[];
let resources: Map<string, XmlNode>;

beforeAll(async () => {
  ensureDist();
  BASE = readBuildInfo()!.baseUrl;
  root = await parse(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8"));
  urls = [];
  for (const n of walk(root)) {
    for (const [k, v] of Object.entries(n.$ ?? {})) {
      // xmlns attributes name XML namespaces, not resources.
      if (!k.startsWith("xmlns") && /^https?:\/\//.test(v)) urls.push({ url: v, where: `${n["#name"]}@${k}` });
    }
    if (typeof n._ === "string" && /^https?:\/\//.test(n._.trim())) urls.push({ url: n._.trim(), where: n["#name"] });
  }
  resources = new Map();
  for (const n of walk(child(root, "VersionOverrides"))) {
    if (["bt:Image", "bt:Url", "bt:String"].includes(n["#name"]) && n.$?.id) {
      expect(resources.has(n.$.id)).toBe(false); // resource ids are unique
      resources.set(n.$.id, n);
    }
  }
}, 240_000); // a cold rebuild of dist/ can take a minute on a busy machine

describe("manifest.xml", () => {
  it("is well-formed XML in the source tree and in dist/, differing only by the base URL", async () => {
    const src = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    await expect(parse(src)).resolves.toBeDefined();
    await expect(parse("<OfficeApp><Id></OfficeApp>")).rejects.toThrow();
    expect(fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8")).toBe(src.split(DEV_URL).join(BASE));
  });

  it("is a TaskPaneApp for Workbook with a GUID id, zh-CN by default with en-US overrides", () => {
    expect(root.$!["xsi:type"]).toBe("TaskPaneApp");
    expect(child(root, "Id")._).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, "DefaultLocale")._).toBe("zh-CN");
    expect(children(child(root, "Hosts"), "Host").map((h) => h.$!.Name)).toEqual(["Workbook"]);
    expect(child(root, "DisplayName").$!.DefaultValue).toBe("老旧小区改造资金测算");
    expect(child(child(root, "DisplayName"), "Override").$!.Value).toBe("Old Community Renovation Funding");
    const overrides = [...walk(root)].filter((n) => local(n) === "Override");
    expect(overrides.length).toBeGreaterThanOrEqual(8);
    for (const o of overrides) expect(o.$!.Locale).toBe("en-US");
  });

  it("puts every URL on one https origin", () => {
    expect(urls.length).toBeGreaterThanOrEqual(10);
    const origin = new URL(BASE).origin;
    expect(BASE.startsWith("https://")).toBe(true);
    for (const { url, where } of urls) expect([where, new URL(url).origin, url.startsWith(BASE)]).toEqual([where, origin, true]);
  });

  it("references only files that exist in dist/", () => {
    for (const { url, where } of urls) {
      const file = fileOf(url);
      expect([where, url, fs.existsSync(file) && fs.statSync(file).isFile()]).toEqual([where, url, true]);
    }
  });

  it("declares icons whose PNGs have the declared sizes (16, 32, 64, 80 in assets/)", () => {
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual([size, size]);
      expect(pngSize(path.join(DIST, "assets", `icon-${size}.png`))).toEqual([size, size]);
    }
    expect(pngSize(fileOf(child(root, "IconUrl").$!.DefaultValue))).toEqual([32, 32]);
    expect(pngSize(fileOf(child(root, "HighResolutionIconUrl").$!.DefaultValue))).toEqual([64, 64]);
    const images = [...walk(root)].filter((n) => n["#name"] === "bt:Image" && n.$?.size);
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      const res = resources.get(img.$!.resid)!;
      const size = Number(img.$!.size);
      expect([img.$!.resid, pngSize(fileOf(res.$!.DefaultValue))]).toEqual([img.$!.resid, [size, size]]);
    }
  });

  it("activates on ExcelApi 1.1 (Excel 2016): the base <Requirements> asks for nothing more (office-platform.md)", () => {
    const req = child(root, "Requirements");
    const sets = child(req, "Sets");
    expect(sets.$).toEqual({ DefaultMinVersion: "1.1" });
    expect(children(sets, "Set").map((s) => s.$)).toEqual([{ Name: "ExcelApi", MinVersion: "1.1" }]);
    // Base element order: … Hosts, Requirements, DefaultSettings, Permissions, … VersionOverrides.
    const order = root.$$!.map(local);
    const at = (n: string) => order.indexOf(n);
    expect(at("Hosts")).toBeLessThan(at("Requirements"));
    expect(at("Requirements")).toBeLessThan(at("DefaultSettings"));
    expect(at("DefaultSettings")).toBeLessThan(at("Permissions"));
    expect(at("Permissions")).toBeLessThan(at("VersionOverrides"));
    // The fallback task pane of an Excel that ignores the overrides is the same page.
    expect(child(child(root, "DefaultSettings"), "SourceLocation").$!.DefaultValue).toBe(`${BASE}taskpane.html`);
  });

  it("asks for SharedRuntime 1.1, CustomFunctionsRuntime 1.2 and AddinCommands 1.1 inside <VersionOverrides>, before <Hosts>", () => {
    const vo = child(root, "VersionOverrides");
    // TaskPaneAppVersionOverridesV1_0.xsd: Description?, Requirements?, Hosts?, Resources? …
    expect(vo.$$!.map((n) => n["#name"])).toEqual(["Requirements", "Hosts", "Resources"]);
    const sets = child(child(vo, "Requirements"), "Sets");
    // bt:Requirements is of the basic-types namespace (elementFormDefault qualified): bt:Sets / bt:Set.
    expect(sets["#name"]).toBe("bt:Sets");
    expect(sets.$).toEqual({ DefaultMinVersion: "1.1" });
    const found = children(sets, "Set");
    for (const s of found) expect(s["#name"]).toBe("bt:Set");
    expect(Object.fromEntries(found.map((s) => [s.$!.Name, s.$!.MinVersion]))).toEqual({
      SharedRuntime: "1.1",
      // 1.2 brings CustomFunctions.Error; at most 1.2 so that Excel 2021 LTSC (2108+) has it.
      CustomFunctionsRuntime: "1.2",
      AddinCommands: "1.1",
    });
    // Nothing the task pane needs is asked for only there, nothing of the overrides in the base.
    const base = children(child(child(root, "Requirements"), "Sets"), "Set").map((s) => s.$!.Name);
    for (const name of ["SharedRuntime", "CustomFunctionsRuntime", "AddinCommands"]) expect(base).not.toContain(name);
  });

  it("wires the shared runtime: <Runtimes> first, lifetime long, one resid for Runtime, Page and FunctionFile", () => {
    const host = child(child(child(root, "VersionOverrides"), "Hosts"), "Host");
    expect(host.$!["xsi:type"]).toBe("Workbook");
    expect(local(host.$$![0])).toBe("Runtimes");
    const runtime = child(host.$$![0], "Runtime");
    expect(runtime.$).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = children(child(host, "AllFormFactors"), "ExtensionPoint").find((e) => e.$!["xsi:type"] === "CustomFunctions")!;
    expect(child(child(cf, "Page"), "SourceLocation").$!.resid).toBe(runtime.$!.resid);
    expect(child(child(host, "DesktopFormFactor"), "FunctionFile").$!.resid).toBe(runtime.$!.resid);
    // The ribbon button opens the task pane on the same page.
    const action = [...walk(host)].find((n) => n["#name"] === "Action")!;
    expect(action.$!["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "SourceLocation").$!.resid).toBe(runtime.$!.resid);
    expect(resources.get("Taskpane.Url")!.$!.DefaultValue).toBe(`${BASE}taskpane.html`);
  });

  it("resolves every resid to a resource", () => {
    for (const n of walk(root)) if (n.$?.resid) expect([n.$.resid, resources.has(n.$.resid)]).toEqual([n.$.resid, true]);
  });

  it("loads functions.js and functions.json under the namespace RENO, with English metadata for en-US", () => {
    const host = child(child(child(root, "VersionOverrides"), "Hosts"), "Host");
    const cf = children(child(host, "AllFormFactors"), "ExtensionPoint").find((e) => e.$!["xsi:type"] === "CustomFunctions")!;
    const url = (parent: string) => resources.get(child(child(cf, parent), "SourceLocation").$!.resid)!;
    expect(url("Script").$!.DefaultValue).toBe(`${BASE}functions.js`);
    const metadata = url("Metadata");
    expect(metadata.$!.DefaultValue).toBe(`${BASE}functions.json`);
    expect(child(metadata, "Override").$).toEqual({ Locale: "en-US", Value: `${BASE}functions-en-us.json` });
    expect(resources.get(child(cf, "Namespace").$!.resid)!.$!.DefaultValue).toBe("RENO");

    const ids = (file: string) => JSON.parse(fs.readFileSync(path.join(DIST, file), "utf8")).functions.map((f: { id: string }) => f.id);
    expect(ids("functions.json")).toEqual(EXPECTED_IDS);
    expect(ids("functions-en-us.json")).toEqual(EXPECTED_IDS);
    // Ids: A–Z, 0–9, _ and . only, at least 3 characters (office-platform.md).
    for (const id of EXPECTED_IDS) expect(id).toMatch(/^[A-Z0-9_.]{3,}$/);
  });

  it("loads office.js, then loader.js, which loads the task pane, functions and commands on one page (the shared runtime) or the legacy pane", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts[0]).toMatch(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/);
    expect(scripts.slice(1)).toEqual(["loader.js"]);
    // No inline script (the page's Content-Security-Policy forbids it).
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1].trim())).toEqual(["", ""]);
    const loader = fs.readFileSync(path.join(DIST, "loader.js"), "utf8");
    const added = [...loader.matchAll(/"([\w-]+\.js)"/g)].map((m) => m[1]);
    expect(added).toEqual(["taskpane-legacy-polyfills.js", "taskpane-legacy.js", "taskpane.js", "functions.js", "commands.js"]);
    for (const f of [...added, "taskpane-legacy.css"]) expect([f, fs.existsSync(path.join(DIST, f))]).toEqual([f, true]);
  });
});

describe("the production URL (ADDIN_BASE_URL)", () => {
  const config = require(path.join(ROOT, "webpack.config.js")) as {
    rewriteUrls(xml: string, from: string, to: string): string;
    productionBaseUrl(): string | undefined;
  };

  function withBase<T>(value: string | undefined, f: () => T): T {
    const old = process.env.ADDIN_BASE_URL;
    if (value === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = value;
    try {
      return f();
    } finally {
      if (old === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = old;
    }
  }

  it("rewrites every dev URL of the manifest to the intranet server, keeping one origin", async () => {
    const src = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const base = withBase("https://reno.example.gov.cn/addin", () => config.productionBaseUrl())!;
    expect(base).toBe("https://reno.example.gov.cn/addin/");
    const out = config.rewriteUrls(src, "https://localhost:3000/", base);
    expect(out).not.toContain("localhost");
    const doc = await parse(out);
    const found = [...walk(doc)].flatMap((n) =>
      Object.entries(n.$ ?? {})
        .filter(([k, v]) => !k.startsWith("xmlns") && /^https?:\/\//.test(v))
        .map(([, v]) => v),
    );
    expect(found.length).toBe(urls.length);
    for (const u of found) expect(u.startsWith("https://reno.example.gov.cn/addin/")).toBe(true);
  });

  it("keeps the dev URL when unset and refuses a non-https URL", () => {
    expect(withBase(undefined, () => config.productionBaseUrl())).toBeUndefined();
    expect(() => withBase("http://intranet/addin/", () => config.productionBaseUrl())).toThrow(/https/);
  });
});
