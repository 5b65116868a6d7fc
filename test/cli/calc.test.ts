import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/calc";
import { ELEVATOR_KEYS } from "../../src/engine/elevator-input";
import { HOUSEHOLD_KEYS, PROJECT_KEYS, TOP_KEYS } from "../../src/engine/input";
import { ensureCli } from "../../scripts/build-cli";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLE = path.join(ROOT, "examples/hongqiao-xincun.json");
const PROJECT = { area: 8000, costs: { basic: 2000000, improvement: 1000000, enhancement: 500000 }, socialCapital: 100000 };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reno-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; returns exit code and what it printed. */
async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function writeInput(name: string, content: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

describe("calc command line (issue: engine and CLI)", () => {
  it("computes the spec's worked example and writes JSON with money to the fen", async () => {
    const input = writeInput("in.json", { project: PROJECT });
    const outFile = path.join(dir, "out.json");
    const r = await runCli([input, "--out", outFile]);
    expect(r.code).toBe(0);
    const out = JSON.parse(fs.readFileSync(outFile, "utf8"));
    expect(out.project).toMatchObject({
      totalInvestment: 3500000,
      residentBase: 850000,
      capExcess: 150000,
      residentTotal: 1000000,
      residentByTier: { basic: 301886.79, improvement: 339622.64, enhancement: 358490.57 },
      socialCapital: 100000,
      fiscalSubsidy: 2400000,
      fiscalPerSqm: 300,
      subsidyCap: 2400000,
      elevatorCost: 0,
      approvalPath: "三合一：项目建议书、可行性研究报告、初步设计合并编制审批",
    });
    expect(out.policy.id).toBe("default");
    expect(out.households).toBeUndefined();
    expect(fs.readdirSync(dir).sort()).toEqual(["in.json", "out.json"]); // no temp file left behind
  });

  it("computes the bundled example (figures checked by an independent rational oracle)", async () => {
    const r = await runCli([EXAMPLE]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    // T = 820000 + 460000 + 180000; R0 = 82000 + 138000 + 126000; F0 = 1460000 − 346000 − 50000 = 1064000
    // cap = floor(300 × 3493.58) = 1048074 → X = 15926, R = 361926
    expect(out.project).toMatchObject({
      totalInvestment: 1460000,
      residentBase: 346000,
      uncappedSubsidy: 1064000,
      subsidyCap: 1048074,
      fiscalSubsidy: 1048074,
      capExcess: 15926,
      residentTotal: 361926,
      residentByTier: { basic: 92550.62, improvement: 142603.38, enhancement: 126772 },
      elevatorCost: 600000,
      fiscalPerSqm: 300,
    });
    expect(out.households).toHaveLength(40);
    expect(out.households[3]).toMatchObject({ id: "1-104", reliefRate: 0.7 });
    expect(out.totals).toMatchObject({ gross: 361926, relief: 31921.02, grant: 2000, net: 328004.98, fullyCollected: false });
    expect(out.vote).toMatchObject({ participationPassed: true, approvalPassed: true, participationCountRatio: 0.85 });
    const sum = (k: string) => out.households.reduce((a: number, h: Record<string, number>) => a + Math.round(h[k] * 100), 0);
    expect(sum("net")).toBe(32800498);
    expect(sum("gross")).toBe(36192600);
  });

  it("prints help", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--out");
    expect(r.out).toContain("退出码");
    // Every key the JSON reader accepts is shown (the help cannot fall behind the reader).
    for (const k of [...TOP_KEYS, ...PROJECT_KEYS, ...HOUSEHOLD_KEYS, ...ELEVATOR_KEYS]) expect([k, r.out.includes(`"${k}"`)]).toEqual([k, true]);
  });

  type Bad = [string, unknown, string[]];
  const badCases: Bad[] = [
    ["empty file", "", ["输入为空", "empty"]],
    ["malformed JSON", '{"project": {', ["不是有效的 JSON", "not valid JSON"]],
    ["text in a number field", { project: { ...PROJECT, costs: { basic: "两百万" } } }, ["project.costs.basic", "两百万"]],
    ["wrong type", { project: { ...PROJECT, area: true } }, ["project.area", "true"]],
    [
      "zero area",
      {
        project: PROJECT,
        households: [
          { id: "1", area: 88 },
          { id: "2", area: 0 },
        ],
      },
      ["households[1].area", "面积必须大于0"],
    ],
    ["negative area", { project: { ...PROJECT, area: -8000 } }, ["project.area", "-8000"]],
    ["negative money", { project: PROJECT, households: [{ id: "1", area: 88, paid: -100 }] }, ["households[0].paid", "-100"]],
    [
      "duplicate ids",
      {
        project: PROJECT,
        households: [
          { id: "1-101", area: 88 },
          { id: "1-101", area: 70 },
        ],
      },
      ["households[1].id", "1-101", "households[0]"],
    ],
    ["rate outside [0,1]", { policy: { base: "default", "relief.low-income": 1.5 }, project: PROJECT }, ["policy.relief.low-income", "1.5"]],
    ["unknown policy key", { policy: { base: "default", "cap.persqm": 200 }, project: PROJECT }, ["policy.cap.persqm", "cap.perSqm"]],
    ["unknown policy id", { policy: "hangzhou-2024", project: PROJECT }, ["policy", "hangzhou-2024", "yueqing-2023"]],
    [
      "unknown status label",
      { project: PROJECT, households: [{ id: "1", area: 88, status: "低保户、残疾" }] },
      ["households[0].status", "残疾", "贫困残疾人户"],
    ],
    [
      "agreed without participated",
      { project: PROJECT, households: [{ id: "1", area: 88, participated: false, agreed: true }] },
      ["households[0].agreed", "参与表决"],
    ],
    ["social capital too large", { project: { ...PROJECT, socialCapital: 2650000.01 } }, ["project.socialCapital", "2650000.01", "2650000.00"]],
  ];

  it.each(badCases)("exits 2 on %s, names where, and writes no file", async (_name, content, expected) => {
    const input = writeInput("bad.json", content);
    const outFile = path.join(dir, "out.json");
    const r = await runCli([input, "--out", outFile]);
    expect(r.code).toBe(2);
    for (const s of expected) expect(r.err).toContain(s);
    expect(fs.readdirSync(dir)).toEqual(["bad.json"]);
  });

  it("exits 2 without touching the input when --out names the input", async () => {
    const input = writeInput("in.json", { project: PROJECT });
    const before = fs.readFileSync(input, "utf8");
    const r = await runCli([input, "--out", input]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(input, "utf8")).toBe(before);
  });

  it("exits 2 naming the folder when the output folder does not exist", async () => {
    const input = writeInput("in.json", { project: PROJECT });
    const r = await runCli([input, "--out", path.join(dir, "no-such-folder", "out.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出目录不存在");
    expect(r.err).toContain("no-such-folder");
  });

  it("exits 2 on a missing input file or an unknown option", async () => {
    expect((await runCli([path.join(dir, "nope.json")])).code).toBe(2);
    expect((await runCli(["--frobnicate"])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it("keeps an existing output file when the new input is invalid", async () => {
    const outFile = path.join(dir, "out.json");
    fs.writeFileSync(outFile, "previous");
    const input = writeInput("bad.json", { project: { ...PROJECT, area: 0 } });
    expect((await runCli([input, "--out", outFile])).code).toBe(2);
    expect(fs.readFileSync(outFile, "utf8")).toBe("previous");
  });

  it("sets the process exit code as a real command (bin/reno.js calc, what npm run calc runs)", () => {
    ensureCli();
    const bin = path.join(ROOT, "bin/reno.js");
    const bad = writeInput("bad.json", { project: { ...PROJECT, area: "x" } });
    const outFile = path.join(dir, "o.json");
    const r = spawnSync(process.execPath, [bin, "calc", bad, "--out", outFile], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("project.area");
    expect(fs.existsSync(outFile)).toBe(false);
    const good = spawnSync(process.execPath, [bin, "calc", EXAMPLE], { encoding: "utf8" });
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).project.totalInvestment).toBe(1460000);
  }, 240_000); // builds lib/ first when it is stale
});
