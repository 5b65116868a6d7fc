/**
 * The 用户手册's worked sheet, evaluated: its input cells are put in a sheet, each documented formula is
 * computed with the RENO.* functions (src/functions/functions.ts, as Excel calls them: numbers for scalars,
 * 2-D arrays for ranges, blank cells as null) and compared with the documented result, spills included.
 * A wrong number in the manual, or a function that changed, fails here. Every function of functions.ts
 * must appear in the reference table and in the worked sheet.
 */
import fs from "fs";
import path from "path";
import * as F from "../../src/functions/functions";
import { installCustomFunctionsStub, StubError } from "../functions/custom-functions-stub";

installCustomFunctionsStub();

const ROOT = path.resolve(__dirname, "../..");
const MANUAL = fs.readFileSync(path.join(ROOT, "docs/用户手册.md"), "utf8");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

function between(begin: string, end: string, doc = MANUAL): string {
  const i = doc.indexOf(begin);
  const j = doc.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${doc === README ? "README" : "用户手册"} lacks ${begin} … ${end}`);
  return doc.slice(i + begin.length, j);
}

/** Rows of a Markdown table (header and rule dropped), cells trimmed. */
function tableRows(md: string): string[][] {
  return md
    .split("\n")
    .filter((l) => l.trim().startsWith("|"))
    .slice(2)
    .map((l) =>
      l
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((c) => c.trim()),
    );
}

type Cell = string | number | boolean | null;
const col = (letters: string) => letters.charCodeAt(0) - 64;

/** The sheet: A1 → value; a number typed is a number, as Excel reads it. */
const sheet = new Map<string, Cell>();
for (const [cell, value] of tableRows(between("<!-- BEGIN worked-sheet inputs -->", "<!-- END worked-sheet inputs -->"))) {
  sheet.set(cell, value === "" ? null : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);
}

function range(a: string): Cell[][] {
  const [from, to] = a.split(":");
  const [, c1, r1] = /^([A-Z])(\d+)$/.exec(from)!;
  const [, c2, r2] = /^([A-Z])(\d+)$/.exec(to ?? from)!;
  const out: Cell[][] = [];
  for (let r = Number(r1); r <= Number(r2); r++) {
    const row: Cell[] = [];
    for (let c = col(c1); c <= col(c2); c++) row.push(sheet.get(`${String.fromCharCode(64 + c)}${r}`) ?? null);
    out.push(row);
  }
  return out;
}

/** One argument: a reference, a range, a sum of references, a number, a text or an array constant. */
function argument(text: string): unknown {
  const t = text.trim();
  // An argument left out (`…,30000,,K4:L7`) arrives as null, as Excel passes an omitted optional argument.
  if (t === "") return null;
  if (/^"[^"]*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^\{.*\}$/.test(t))
    return t
      .slice(1, -1)
      .split(";")
      .map((r) => r.split(",").map((x) => Number(x)));
  if (/^[A-Z]\d+:[A-Z]\d+$/.test(t)) return range(t);
  if (/^[A-Z]\d+(\+[A-Z]\d+)+$/.test(t)) return t.split("+").reduce((n, a) => n + Number(sheet.get(a)), 0);
  if (/^[A-Z]\d+$/.test(t)) return sheet.get(t) ?? null;
  throw new Error(`cannot read the argument ${t}`);
}

/** Splits on commas outside quotes and braces. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (ch === "," && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  return [...out, cur];
}

const FUNCTIONS: Record<string, (...args: never[]) => unknown> = {
  RESIDENTSHARE: F.residentShare,
  SUBSIDY: F.subsidy,
  FUNDING: F.funding,
  RELIEFRATE: F.reliefRateFn,
  ALLOCATE: F.allocateFn,
  HOUSEHOLDS: F.households,
  VOTE: F.vote,
  APPROVALPATH: F.approvalPathFn,
  ELEVATORSUBSIDY: F.elevatorSubsidyFn,
  ELEVATORSHARES: F.elevatorShares,
};

function evaluate(formula: string): unknown {
  const m = /^=RENO\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (m === null) throw new Error(`not a RENO formula: ${formula}`);
  const fn = FUNCTIONS[m[1]];
  if (fn === undefined) throw new Error(`unknown function RENO.${m[1]}`);
  return (fn as (...a: unknown[]) => unknown)(...splitArgs(m[2]).map(argument));
}

/** The documented result as cells: `a · b / c · d` (rows by /, columns by ·), after an optional spill note. */
function documented(text: string): Cell[][] {
  const body = text.includes("：") && /溢出/.test(text) ? text.slice(text.indexOf("：") + 1) : text;
  const cell = (x: string): Cell => (x === "TRUE" ? true : x === "FALSE" ? false : /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : x);
  return body.split(" / ").map((r) => r.split(" · ").map((c) => cell(c.trim())));
}

const formulaRows = (md: string) => tableRows(md).map(([cell, f, result]) => ({ cell, formula: f.replace(/^`|`$/g, ""), result }));
const formulas = formulaRows(between("<!-- BEGIN worked-sheet formulas -->", "<!-- END worked-sheet formulas -->"));
/** The README's short elevator sheet: the manual's sheet (same inputs), two of its formulas. */
const readmeFormulas = formulaRows(between("<!-- BEGIN worked-sheet elevator", "<!-- END worked-sheet elevator -->", README).replace(/^[^\n]*\n/, ""));

describe("the 用户手册's worked sheet, computed with the RENO.* functions", () => {
  it("has inputs and one formula of every function", () => {
    expect(sheet.get("B1")).toBe(2_000_000);
    const used = new Set(formulas.map((f) => /^=RENO\.([A-Z]+)/.exec(f.formula)?.[1]));
    const src = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
    const ids = [...src.matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(8);
    // Every function has a row in the reference table and a formula in the worked sheet.
    const reference = between("<!-- BEGIN functions -->", "<!-- END functions -->");
    for (const id of ids) {
      expect([id, reference.split("\n").some((l) => l.startsWith(`| \`RENO.${id}\``))]).toEqual([id, true]);
      expect([id, used.has(id)]).toEqual([id, true]);
    }
  });

  it("the README's elevator rows are rows of this sheet", () => {
    expect(readmeFormulas.map((f) => f.cell)).toEqual(["C22", "P2"]);
    for (const f of readmeFormulas) expect(formulas).toContainEqual(f);
  });

  it.each([...formulas, ...readmeFormulas.map((f) => ({ ...f, cell: `README ${f.cell}` }))].map((f) => [f.cell, f.formula, f.result]))("%s %s = %s", (_cell, formula, result) => {
    const got = evaluate(formula);
    if (got instanceof StubError) throw new Error(`${formula} gave ${got.code}: ${got.message}`);
    const want = documented(result);
    const cells = Array.isArray(got) ? (got as Cell[][]) : [[got as Cell]];
    expect(cells).toEqual(want);
  });
});
