/**
 * What Excel loads: dist/functions.js run in a fresh `vm` context holding only the globals Excel's
 * runtime provides (`CustomFunctions`, `Office`), the way the shared runtime page runs it. Every id of
 * dist/functions.json must be associated with a function whose parameters match the JSDoc, and calls
 * through the associated functions must give the spec's numbers.
 */
import fs from "fs";
import path from "path";
import vm from "vm";
import { DIST, ROOT, ensureDist } from "./ensure-dist";
import { StubError, makeCustomFunctionsStub } from "./custom-functions-stub";

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}

const MATRIX = "matrix";
/** The contract of issue #4: name, type and shape of every parameter, `?` = optional. */
const EXPECTED: Record<string, string[]> = {
  RESIDENTSHARE: ["basic:number", "improvement:number", "enhancement:number", "policy?:any:matrix"],
  SUBSIDY: ["basic:number", "improvement:number", "enhancement:number", "area:number", "social?:number", "policy?:any:matrix"],
  FUNDING: ["basic:number", "improvement:number", "enhancement:number", "area:number", "social?:number", "policy?:any:matrix"],
  RELIEFRATE: ["status:any", "policy?:any:matrix"],
  ALLOCATE: ["total:number", "weights:any:matrix"],
  HOUSEHOLDS: [
    "areas:any:matrix",
    "statuses:any:matrix",
    "basic:number",
    "improvement:number",
    "enhancement:number",
    "area:number",
    "social?:number",
    "policy?:any:matrix",
  ],
  VOTE: ["areas:any:matrix", "participated:any:matrix", "agreed:any:matrix"],
  APPROVALPATH: ["total:number", "policy?:any:matrix"],
  // issue 13: 加装电梯 (elevator-rules.md)
  ELEVATORSUBSIDY: ["cost:number", "storeys:number", "policy?:any:matrix"],
  ELEVATORSHARES: [
    "cost:number",
    "storeys:number",
    "floors:any:matrix",
    "areas:any:matrix",
    "maintenanceFund?:number",
    "otherFunds?:number",
    "policy?:any:matrix",
  ],
};
const SPILLS = new Set(["FUNDING", "ALLOCATE", "HOUSEHOLDS", "VOTE", "ELEVATORSHARES"]);

const describeParam = (p: ParamMeta) => [`${p.name}${p.optional ? "?" : ""}`, p.type ?? "any", ...(p.dimensionality === MATRIX ? [MATRIX] : [])].join(":");

/** @customfunction id and @param names ([name] = optional) of each JSDoc block of functions.ts. */
function jsdocContract(): Record<string, string[]> {
  const src = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
  const out: Record<string, string[]> = {};
  for (const block of src.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const id = /@customfunction\s+(\w+)/.exec(block)?.[1];
    if (!id) continue;
    out[id] = [...block.matchAll(/@param\s+(?:\{[^}]*\}\s+)?(\[?)(\w+)\]?/g)].map((m) => `${m[2]}${m[1] ? "?" : ""}`);
  }
  return out;
}

let meta: FunctionMeta[];
let metaEn: FunctionMeta[];
let associated: Map<string, (...args: unknown[]) => unknown>;
let bundleBytes: number;

beforeAll(() => {
  ensureDist();
  meta = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")).functions;
  metaEn = JSON.parse(fs.readFileSync(path.join(DIST, "functions-en-us.json"), "utf8")).functions;
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  bundleBytes = Buffer.byteLength(code);
  const CustomFunctions = makeCustomFunctionsStub();
  // Office is present in the shared runtime; the functions must not need anything from it.
  const Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
  const context = vm.createContext({ CustomFunctions, Office, console });
  vm.runInContext(code, context, { filename: "functions.js" });
  associated = CustomFunctions.associated;
}, 240_000); // a cold rebuild of dist/ (with the task pane's React) can take a minute on a busy machine

describe("dist/functions.js in Excel's runtime", () => {
  it("associates every id of dist/functions.json, and nothing else", () => {
    expect([...associated.keys()].sort()).toEqual(meta.map((f) => f.id).sort());
    expect(meta.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("declares the parameters of the issue, as written in the JSDoc", () => {
    const jsdoc = jsdocContract();
    for (const f of meta) {
      expect([f.id, f.parameters.map(describeParam)]).toEqual([f.id, EXPECTED[f.id]]);
      expect([f.id, f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`)]).toEqual([f.id, jsdoc[f.id]]);
      // The associated function takes exactly these arguments, in this order.
      expect([f.id, associated.get(f.id)!.length]).toEqual([f.id, f.parameters.length]);
    }
  });

  it("spills FUNDING, ALLOCATE, HOUSEHOLDS, VOTE and ELEVATORSHARES, and returns scalars otherwise", () => {
    for (const f of meta) expect([f.id, f.result.dimensionality === MATRIX]).toEqual([f.id, SPILLS.has(f.id)]);
  });

  it("describes every function and parameter in Chinese (zh-CN default) and in English (en-US override)", () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const f of meta) {
      expect([f.id, cjk.test(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, cjk.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
    expect(metaEn.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(meta.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]));
    for (const f of metaEn) {
      expect([f.id, /^[A-Z][\x20-\x7e²]+$/.test(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, /[a-z]{3}/.test(p.description ?? "")]).toEqual([f.id, p.name, true]);
    }
  });

  it("computes the worked example through the associated functions (funding-rules.md §3)", () => {
    const call = (id: string, ...args: unknown[]) => associated.get(id)!(...args);
    expect(call("RESIDENTSHARE", 2_000_000, 1_000_000, 500_000, null)).toBe(850_000);
    expect(call("SUBSIDY", 2_000_000, 1_000_000, 500_000, 8_000, 100_000, null)).toBe(2_400_000);
    expect(call("FUNDING", 2_000_000, 1_000_000, 500_000, 8_000, 100_000, [["yueqing-2023"]])).toEqual([
      [3_500_000, 850_000, 150_000, 1_000_000, 100_000, 2_400_000, 300],
    ]);
    expect(call("ALLOCATE", 0.1, [[2], [2], [3]])).toEqual([[0.03], [0.03], [0.04]]);
    expect(call("RELIEFRATE", "低保户、特困供养人员", null)).toBe(1);
    expect(call("VOTE", [[60], [30]], [[true], [false]], [[true], [false]])).toEqual([[false, false, 60 / 90, 0.5, 1, 1]]);
    expect(call("APPROVALPATH", 10_000_000, null)).toMatch(/^三合一/);
    const h = call("HOUSEHOLDS", [[50], [50]], [["特困"], [""]], 2_000_000, 1_000_000, 500_000, 8_000, 100_000, null) as number[][];
    expect(h).toEqual([
      [500_000.01, 349_056.61, 0, 150_943.4],
      [499_999.99, 0, 0, 499_999.99],
    ]);
  });

  it("computes elevator-rules.md §8's worked example through the associated functions", () => {
    const call = (id: string, ...args: unknown[]) => associated.get(id)!(...args);
    const policy = [
      ["elevator.subsidy.mode", "rate"],
      ["elevator.subsidy.rate", 0.4],
      ["elevator.subsidy.cap", 280000],
      ["elevator.floorCoefficients", "0,0,0.7,0.8,0.9,1.0"],
    ];
    // G = min(round(0.4 × 650,000), 280,000, 650,000) = 260,000; P = 650,000 − 260,000 − 30,000 = 360,000
    expect(call("ELEVATORSUBSIDY", 650_000, 6, policy)).toBe(260_000);
    const floors = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6].map((f) => [f]);
    const areas = floors.map(() => [80]);
    expect(call("ELEVATORSHARES", 650_000, 6, floors, areas, 30_000, null, policy)).toEqual(
      [0, 0, 0, 0, 37058.82, 37058.82, 42352.94, 42352.94, 47647.06, 47647.06, 52941.18, 52941.18].map((x) => [x]),
    );
    expect(call("ELEVATORSHARES", 650_000, 6, [[7]], [[80]], null, null, policy)).toEqual(
      new StubError("#VALUE!", "floors 第1行：楼层应为 1 到 6 的整数（电梯服务 6 层），实为 7"),
    );
  });

  it("returns a CustomFunctions.Error with a Chinese message for bad input", () => {
    const r = associated.get("HOUSEHOLDS")!([[50], [0]], [[""], [""]], 1, 1, 1, 1, null, null);
    expect(r).toBeInstanceOf(StubError);
    expect(r).toEqual(new StubError("#VALUE!", "areas 第2行：面积必须大于0，实为 0"));
  });

  it("stays within 200 KB minified", () => {
    expect(bundleBytes).toBeLessThanOrEqual(200 * 1024);
  });
});

describe("dist/commands.js in the shared runtime", () => {
  it("asks Office to load the add-in with the workbook (setStartupBehavior load) once Office is ready", async () => {
    const calls: unknown[] = [];
    let ready: (() => unknown) | undefined;
    const Office = {
      onReady: (cb: () => unknown) => {
        ready = cb;
        return Promise.resolve();
      },
      context: { requirements: { isSetSupported: (name: string, v: string) => name === "SharedRuntime" && v === "1.1" } },
      addin: { setStartupBehavior: (b: unknown) => (calls.push(b), Promise.resolve()) },
      StartupBehavior: { load: "Load", none: "None" },
    };
    vm.runInContext(fs.readFileSync(path.join(DIST, "commands.js"), "utf8"), vm.createContext({ Office, console }));
    expect(calls).toEqual([]);
    await ready!();
    expect(calls).toEqual(["Load"]);
  });
});
