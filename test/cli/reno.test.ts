/**
 * The `reno` entry: sub-commands, strict options through node:util parseArgs with zh/en messages and the
 * usage, exit codes 0/2/1 — in-process on src/cli/reno.ts, and as the real command bin/reno.js on the
 * built lib/ (rebuilt first when stale, as bin/reno.js itself does).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ENGINE_VERSION } from "../../src/engine";
import { main, USAGE } from "../../src/cli/reno";
import { USAGE as CALC_USAGE } from "../../src/cli/calc";
import { TEMPLATE_HELP } from "../../src/cli/template";
import { cliStaleReason, ensureCli } from "../../scripts/build-cli";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/reno.js");
const EXAMPLE = path.join(ROOT, "examples/hongqiao-xincun.json");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "reno-bin-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function reno(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("reno <command> (in-process)", () => {
  it("runs calc on the example and writes its JSON", async () => {
    const r = await reno("calc", EXAMPLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).project.fiscalSubsidy).toBe(1048074);
  });

  it("runs template and refuses to replace a file without --force", async () => {
    const file = path.join(dir, "new.xlsx");
    expect((await reno("template", file, "--example")).code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    const again = await reno("template", file);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect((await reno("template", "--force", file)).code).toBe(0);
  });

  it("prints its usage for --help and -h, its version for --version", async () => {
    for (const flag of ["--help", "-h"]) expect(await reno(flag)).toEqual({ code: 0, out: USAGE, err: "" });
    expect(await reno("--version")).toEqual({ code: 0, out: `reno-funding ${ENGINE_VERSION}\n`, err: "" });
    expect(USAGE).toContain("reno calc <input.json | book.xlsx | folder>");
    expect(USAGE).toContain("reno template <new.xlsx>");
  });

  it("prints each command's help", async () => {
    const calc = await reno("calc", "--help");
    expect(calc.code).toBe(0);
    expect(calc.out).toContain("退出码 Exit codes");
    expect(await reno("template", "-h")).toEqual({ code: 0, out: TEMPLATE_HELP, err: "" });
  });

  type Case = [string[], string, string];
  const usageCases: Case[] = [
    [[], "缺少命令 / missing command", USAGE],
    [["frobnicate"], "未知命令 frobnicate（可用：calc、template） / unknown command frobnicate (commands: calc, template)", USAGE],
    [["--frobnicate"], "未知选项 --frobnicate / unknown option --frobnicate", USAGE],
    [["calc", EXAMPLE, "--frobnicate"], "未知选项 --frobnicate / unknown option --frobnicate", CALC_USAGE],
    [["calc", "-x", EXAMPLE], "未知选项 -x / unknown option -x", CALC_USAGE],
    [["calc", EXAMPLE, "--out"], "选项 --out 需要一个值 / option --out needs a value", CALC_USAGE],
    [["calc", EXAMPLE, "-o"], "选项 -o 需要一个值 / option -o needs a value", CALC_USAGE],
    [
      ["calc", EXAMPLE, "--out", "-r.json"],
      '选项 --out 的值 -r.json 以 - 开头，请写成 --out=-r.json / the value -r.json of --out starts with "-": write --out=-r.json',
      CALC_USAGE,
    ],
    [["calc", EXAMPLE, "--out="], "选项 --out 需要一个值 / option --out needs a value", CALC_USAGE],
    [["calc", "--help=yes"], "选项 --help 不带值 / option --help takes no value", CALC_USAGE],
    [["calc", EXAMPLE, "second.json"], "多余的参数 second.json / unexpected argument second.json", CALC_USAGE],
    [["calc"], "缺少输入文件 / missing input file", CALC_USAGE],
    [["template", "a.xlsx", "--frob"], "未知选项 --frob / unknown option --frob", TEMPLATE_HELP],
    [["template", "a.xlsx", "b.xlsx"], "多余的参数 b.xlsx / unexpected argument b.xlsx", TEMPLATE_HELP],
    [["template", "--example=1", "a.xlsx"], "选项 --example 不带值 / option --example takes no value", TEMPLATE_HELP],
  ];

  it.each(usageCases)("exits 2 on %j with a zh/en message and the usage, writing nothing", async (argv, message, usage) => {
    const cwd = process.cwd();
    process.chdir(dir); // a relative --out or template name would land here
    try {
      const r = await reno(...argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toBe(`${message}\n\n${usage}\n`);
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("passes a file name starting with - after --", async () => {
    const file = path.join(dir, "-odd.json");
    fs.copyFileSync(EXAMPLE, file);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await reno("calc", "--", "-odd.json");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).households).toHaveLength(40);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("bin/reno.js (the built lib/)", () => {
  beforeAll(() => ensureCli(), 240_000);

  const run = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 120_000 });

  it("computes the example: exit 0 and the JSON on stdout", () => {
    const r = run(["calc", "examples/hongqiao-xincun.json"]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const out = JSON.parse(r.stdout);
    expect(out.project.totalInvestment).toBe(1460000);
    expect(out.totals.net).toBe(328004.98);
  });

  it("exits 2 on an unknown option and on an unknown command, with the message and usage on stderr", () => {
    const opt = run(["calc", "--frobnicate"]);
    expect(opt.status).toBe(2);
    expect(opt.stdout).toBe("");
    expect(opt.stderr).toBe(`未知选项 --frobnicate / unknown option --frobnicate\n\n${CALC_USAGE}\n`);
    const cmd = run(["calc2"]);
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toContain("unknown command calc2");
  });

  it("exits 2 when --out names an existing folder, and leaves no temporary file", () => {
    const target = path.join(dir, "out.json");
    fs.mkdirSync(target);
    const r = run(["calc", EXAMPLE, "--out", target]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`--out 是一个文件夹，应为文件：${target} / --out names a folder; it must name a file: ${target}\n`);
    expect(fs.readdirSync(dir)).toEqual(["out.json"]);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it("writes a template and computes it back to the example's figures", () => {
    const book = path.join(dir, "book.xlsx");
    expect(run(["template", book, "--example"]).status).toBe(0);
    const r = run(["calc", book, "--out", path.join(dir, "r.json")]);
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const out = JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8"));
    expect(out.project.fiscalSubsidy).toBe(1048074);
    expect(out.households).toHaveLength(40);
  });

  it("loads no exceljs for a JSON input, and does for a workbook (built lib/)", () => {
    const probe = (args: string[]) => {
      const script = `require(${JSON.stringify(path.join(ROOT, "lib/cli/reno.js"))}).main(${JSON.stringify(args)}).then((code) => {
        const loaded = Object.keys(require.cache).some((f) => f.includes(${JSON.stringify(`${path.sep}node_modules${path.sep}exceljs${path.sep}`)}));
        process.stderr.write(JSON.stringify({ code, loaded }));
      });`;
      const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
      return JSON.parse(r.stderr.slice(r.stderr.lastIndexOf("{"))) as { code: number; loaded: boolean };
    };
    expect(probe(["calc", EXAMPLE, "--out", path.join(dir, "r.json")])).toEqual({ code: 0, loaded: false });
    expect(probe(["template", path.join(dir, "t.xlsx")])).toEqual({ code: 0, loaded: true });
  });
});

describe("lib/ freshness (scripts/build-cli.js)", () => {
  /** A small tree: src/cli/reno.ts and src/engine/index.ts, built to lib/ at `built`. */
  function tree(built: number): string {
    const root = fs.mkdtempSync(path.join(dir, "tree-"));
    const put = (rel: string, t: number) => {
      const p = path.join(root, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, "");
      fs.utimesSync(p, t, t);
    };
    for (const f of ["tsconfig.json", "tsconfig.cli.json", "src/cli/reno.ts", "src/engine/index.ts"]) put(f, built - 100);
    for (const f of ["lib/cli/reno.js", "lib/engine/index.js"]) put(f, built);
    return root;
  }
  const T = 1_700_000_000;

  it("is up to date when every built file is newer than its source", () => {
    expect(cliStaleReason(tree(T))).toBeNull();
  });

  it("is stale when lib/ is missing, a source is newer or gone, or a tsconfig changed", () => {
    const missing = tree(T);
    fs.rmSync(path.join(missing, "lib"), { recursive: true });
    expect(cliStaleReason(missing)).toBe("lib/cli/reno.js is missing");

    const edited = tree(T);
    fs.utimesSync(path.join(edited, "src/engine/index.ts"), T + 1, T + 1);
    expect(cliStaleReason(edited)).toBe("src/engine/index.ts is newer than lib/");

    const gone = tree(T);
    fs.rmSync(path.join(gone, "src/engine/index.ts"));
    expect(cliStaleReason(gone)).toBe("src/engine/index.ts is gone");

    const config = tree(T);
    fs.utimesSync(path.join(config, "tsconfig.cli.json"), T + 1, T + 1);
    expect(cliStaleReason(config)).toBe("tsconfig.cli.json is newer than lib/");
  });
});
