/**
 * The legacy task pane for the Internet Explorer 11 webview of Excel 2016 / 2019 volume-licensed.
 *
 * Real IE11 is not available here (it needs Windows). What is checked instead:
 * 1. the built files parse as ECMAScript 5 (loader.js as ECMAScript 3) with acorn — IE11 parses nothing newer;
 * 2. every ES2015+ built-in the legacy bundle names is one polyfills.ts provides (src/taskpane/legacy/provided.ts),
 *    and BigInt is only reached behind `typeof BigInt` (the engine falls back to decimal.js);
 * 3. in a Node vm stripped of those built-ins, the built polyfill file brings each one back, working;
 * 4. the NFKC subset equals Node's NFKC on every code point it maps, and leaves ASCII and CJK alone;
 * 5. in Chromium with the built-ins IE11 lacks deleted before the page runs (IE11-like), the loader picks the
 *    legacy bundle and every workflow runs on an ExcelApi 1.1 host without the shared runtime (the fake
 *    fails any request using a newer API, as Excel does), within 320 px, and says what is missing.
 */
import * as fs from "fs";
import type * as http from "http";
import * as path from "path";
import * as vm from "vm";
import type { BrowserContext } from "playwright-core";
import { nfkcSubset } from "../../src/taskpane/legacy/nfkc";
import { LEGACY_GLOBALS, LEGACY_MEMBERS } from "../../src/taskpane/legacy/provided";
import { EXAMPLE_INPUT } from "../../src/workbook";
import { DIST, baseOf, fakeOfficeScript, fakeState, launch, openPane, routeOffice, serve, shot, skipReason, typeCell } from "./harness";
import {
  baseOnlyChange,
  calculateAndCheckCard,
  createExample,
  expectFits,
  longExcelErrorWraps,
  policyPanelFollowsRuns,
  noticesFourToAPage,
  publicityWithDates,
  refusedRunMarksCard,
  sheetNames,
  voteClausesUnbroken,
} from "./scenarios";

// acorn comes with webpack; it has its own types.
import * as acorn from "acorn";

const APP = path.join(DIST, "taskpane-legacy.js");
const POLYFILLS = path.join(DIST, "taskpane-legacy-polyfills.js");
const LOADER = path.join(DIST, "loader.js");
const built = fs.existsSync(APP) && fs.existsSync(POLYFILLS) && fs.existsSync(LOADER);
if (!built) process.stderr.write("SKIP: legacy bundle checks: dist/taskpane-legacy*.js is not built (npm run build)\n");
const whenBuilt = built ? describe : describe.skip;

type AstNode = acorn.Node & Record<string, unknown>;

/** Every node of a tree, with its function depth (0 = top level). */
function* walk(node: AstNode, depth = 0): Generator<{ node: AstNode; depth: number; parent?: AstNode }> {
  const stack: { node: AstNode; depth: number; parent?: AstNode }[] = [{ node, depth }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    yield item;
    const inner = /Function/.test(item.node.type) ? item.depth + 1 : item.depth;
    for (const key of Object.keys(item.node)) {
      const v = item.node[key];
      const kids = Array.isArray(v) ? v : [v];
      for (const k of kids)
        if (k !== null && typeof k === "object" && typeof (k as AstNode).type === "string") stack.push({ node: k as AstNode, depth: inner, parent: item.node });
    }
  }
}

/** Built-in members that ES5 does not have (Object.keys, a member of ES5, is left out: its name is ambiguous). */
const ES2015_MEMBERS = [
  "from",
  "of",
  "copyWithin",
  "fill",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "includes",
  "entries",
  "values",
  "at",
  "toReversed",
  "toSorted",
  "toSpliced",
  "groupBy",
  "assign",
  "fromEntries",
  "getOwnPropertySymbols",
  "getOwnPropertyDescriptors",
  "codePointAt",
  "fromCodePoint",
  "raw",
  "startsWith",
  "endsWith",
  "padStart",
  "padEnd",
  "repeat",
  "trimStart",
  "trimEnd",
  "matchAll",
  "replaceAll",
  "normalize",
  "isWellFormed",
  "isInteger",
  "isSafeInteger",
  "isFinite",
  "isNaN",
  "EPSILON",
  "MAX_SAFE_INTEGER",
  "MIN_SAFE_INTEGER",
  "trunc",
  "sign",
  "log10",
  "log2",
  "cbrt",
  "hypot",
  "imul",
  "clz32",
  "fround",
  "expm1",
  "log1p",
  "allSettled",
  "any",
  "finally",
  "iterator",
  "asyncIterator",
  "hasInstance",
  "toStringTag",
  "species",
  "construct",
  "ownKeys",
  "structuredClone",
  "queueMicrotask",
];
/** Globals that ES5 does not have. */
const ES2015_GLOBALS = [
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Symbol",
  "Proxy",
  "Reflect",
  "BigInt",
  "BigInt64Array",
  "BigUint64Array",
  "globalThis",
  "WeakRef",
  "FinalizationRegistry",
  "AggregateError",
  "SharedArrayBuffer",
  "Atomics",
  "fetch",
  "AbortController",
  "TextEncoder",
  "TextDecoder",
  "URLSearchParams",
  "queueMicrotask",
  "structuredClone",
];

whenBuilt("the legacy bundle (ECMAScript 5 for Internet Explorer 11)", () => {
  const app = built ? fs.readFileSync(APP, "utf8") : "";
  const polyfills = built ? fs.readFileSync(POLYFILLS, "utf8") : "";

  it("parses as ECMAScript 5 (loader.js as ECMAScript 3)", () => {
    for (const [file, src] of [
      [APP, app],
      [POLYFILLS, polyfills],
    ]) {
      expect(() => acorn.parse(src, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
      expect([file, src.length > 1000]).toEqual([file, true]);
    }
    expect(() => acorn.parse(fs.readFileSync(LOADER, "utf8"), { ecmaVersion: 3, sourceType: "script" })).not.toThrow();
    // The checker does refuse newer syntax.
    expect(() => acorn.parse("const a = (b) => b?.c ?? 1;", { ecmaVersion: 5 })).toThrow();
    expect(() => acorn.parse("var r = /x/u;", { ecmaVersion: 5 })).toThrow();
  });

  it("names no ES2015+ built-in that polyfills.ts does not provide, and reaches BigInt only behind `typeof BigInt`", () => {
    const ast = acorn.parse(app, { ecmaVersion: 5, sourceType: "script" }) as unknown as AstNode;
    const members = new Set<string>();
    const globals = new Set<string>();
    const bigint: { depth: number; guard: boolean }[] = [];
    for (const { node, depth, parent } of walk(ast)) {
      if (node.type === "MemberExpression" && node.computed === false) {
        const name = (node.property as AstNode).name as string;
        if (ES2015_MEMBERS.includes(name)) members.add(name);
      }
      if (node.type === "Identifier" && ES2015_GLOBALS.includes(node.name as string)) {
        // Not a property name (`x.Map`) nor an object key (`{ Map: … }`).
        const isProperty = parent !== undefined && parent.type === "MemberExpression" && parent.property === node && parent.computed === false;
        const isKey = parent !== undefined && parent.type === "Property" && parent.key === node;
        if (isProperty || isKey) continue;
        if (node.name === "BigInt") bigint.push({ depth, guard: parent !== undefined && parent.type === "UnaryExpression" && parent.operator === "typeof" });
        else globals.add(node.name as string);
      }
    }
    expect([...members].filter((m) => !LEGACY_MEMBERS.includes(m)).sort()).toEqual([]);
    expect([...globals].filter((g) => !LEGACY_GLOBALS.includes(g)).sort()).toEqual([]);
    // exact-int.ts: `typeof BigInt === "function" ? BIGINT_OPS : DECIMAL_OPS`; BigInt(…) only inside those ops.
    expect(bigint.filter((b) => b.guard).length).toBeGreaterThanOrEqual(1);
    expect(bigint.filter((b) => !b.guard && b.depth === 0)).toEqual([]);
    // The bundle does use what it claims (the check is not vacuous).
    for (const m of ["includes", "normalize", "padStart", "assign"]) expect([m, members.has(m)]).toEqual([m, true]);
    for (const g of ["Promise", "Map", "Set"]) expect([g, globals.has(g)]).toEqual([g, true]);
  });

  /** Each provided built-in: where it lives and a use that must work once the polyfills ran. */
  const CHECKS: readonly [string, string][] = [
    ["Promise", "typeof Promise.resolve(1).then === 'function'"],
    ["Promise.allSettled", "typeof Promise.allSettled === 'function'"],
    ["Promise.any", "typeof Promise.any === 'function'"],
    ["Promise.prototype.finally", "typeof Promise.resolve().finally === 'function'"],
    ["Symbol", "typeof Symbol('x') !== 'undefined'"],
    ["Symbol.iterator", "typeof [][Symbol.iterator] === 'function' && typeof new Map()[Symbol.iterator] === 'function'"],
    ["Symbol.asyncIterator", "Symbol.asyncIterator !== undefined"],
    ["Map", "new Map([[1, 2]]).get(1) === 2 && Array.from(new Map([[1, 2]]).values())[0] === 2"],
    ["Set", "Array.from(new Set([1, 1, 2])).length === 2"],
    ["WeakMap", "new WeakMap([[{}, 1]]) instanceof WeakMap"],
    ["globalThis", "typeof globalThis === 'object'"],
    ["Array.from", "Array.from('ab').join() === 'a,b'"],
    ["Array.of", "Array.of(1, 2).length === 2"],
    ["Array.prototype.at", "[1, 2].at(-1) === 2"],
    ["Array.prototype.copyWithin", "[1, 2, 3].copyWithin(0, 1).join() === '2,3,3'"],
    ["Array.prototype.fill", "[0, 0].fill(7).join() === '7,7'"],
    ["Array.prototype.find", "[1, 2].find(function (x) { return x > 1; }) === 2"],
    ["Array.prototype.findIndex", "[1, 2].findIndex(function (x) { return x > 1; }) === 1"],
    ["Array.prototype.findLast", "[1, 2].findLast(function (x) { return x > 0; }) === 2"],
    ["Array.prototype.findLastIndex", "[1, 2].findLastIndex(function (x) { return x > 0; }) === 1"],
    ["Array.prototype.flat", "[[1], [2]].flat().length === 2"],
    ["Array.prototype.flatMap", "[1].flatMap(function (x) { return [x, x]; }).length === 2"],
    ["Array.prototype.includes", "[1, NaN].includes(NaN)"],
    ["Array.prototype.entries", "Array.from([5].entries())[0][1] === 5"],
    ["Array.prototype.keys", "Array.from([5].keys())[0] === 0"],
    ["Array.prototype.values", "Array.from([5].values())[0] === 5"],
    ["Array.prototype.toReversed", "[1, 2].toReversed()[0] === 2"],
    ["Array.prototype.toSorted", "[2, 1].toSorted()[0] === 1"],
    ["Object.assign", "Object.assign({}, { a: 1 }).a === 1"],
    ["Object.entries", "Object.entries({ a: 1 })[0][1] === 1"],
    ["Object.values", "Object.values({ a: 1 })[0] === 1"],
    ["Object.fromEntries", "Object.fromEntries([['a', 1]]).a === 1"],
    ["Object.getOwnPropertySymbols", "Array.isArray(Object.getOwnPropertySymbols({}))"],
    ["Object.is", "Object.is(NaN, NaN)"],
    ["Object.setPrototypeOf", "Object.setPrototypeOf({}, null) !== undefined"],
    ["String.prototype.codePointAt", "'a'.codePointAt(0) === 97"],
    ["String.fromCodePoint", "String.fromCodePoint(97) === 'a'"],
    ["String.raw", "String.raw({ raw: ['a'] }) === 'a'"],
    ["String.prototype.startsWith", "'abc'.startsWith('ab')"],
    ["String.prototype.endsWith", "'abc'.endsWith('bc')"],
    ["String.prototype.includes", "'abc'.includes('b')"],
    ["String.prototype.padStart", "'5'.padStart(2, '0') === '05'"],
    ["String.prototype.padEnd", "'5'.padEnd(2, '0') === '50'"],
    ["String.prototype.repeat", "'ab'.repeat(2) === 'abab'"],
    ["String.prototype.trimStart", "' a'.trimStart() === 'a'"],
    ["String.prototype.trimEnd", "'a '.trimEnd() === 'a'"],
    ["String.prototype.at", "'ab'.at(-1) === 'b'"],
    ["String.prototype.matchAll", "Array.from('a1a2'.matchAll(/a(\\d)/g)).length === 2"],
    ["String.prototype.replaceAll", "'a.a'.replaceAll('.', '-') === 'a-a'"],
    ["String.prototype.normalize", "'３０００㎡\\u3000①'.normalize('NFKC') === '3000m2 1'"],
    ["Number.isInteger", "Number.isInteger(3) && !Number.isInteger(3.5)"],
    ["Number.isSafeInteger", "Number.isSafeInteger(9007199254740991) && !Number.isSafeInteger(9007199254740992)"],
    ["Number.isFinite", "Number.isFinite(1) && !Number.isFinite('1')"],
    ["Number.isNaN", "Number.isNaN(NaN) && !Number.isNaN('x')"],
    ["Number.parseFloat", "Number.parseFloat('1.5') === 1.5"],
    ["Number.parseInt", "Number.parseInt('15', 10) === 15"],
    ["Number.EPSILON", "Number.EPSILON > 0"],
    ["Number.MAX_SAFE_INTEGER", "Number.MAX_SAFE_INTEGER === 9007199254740991"],
    ["Number.MIN_SAFE_INTEGER", "Number.MIN_SAFE_INTEGER === -9007199254740991"],
    ["Math.trunc", "Math.trunc(-1.5) === -1"],
    ["Math.sign", "Math.sign(-3) === -1"],
    ["Math.log10", "Math.log10(1000) === 3"],
    ["Math.log2", "Math.log2(8) === 3"],
    ["Math.cbrt", "Math.cbrt(27) === 3"],
    ["Math.hypot", "Math.hypot(3, 4) === 5"],
    ["Math.imul", "Math.imul(2, 3) === 6"],
    ["Math.clz32", "Math.clz32(1) === 31"],
    ["Math.fround", "Math.fround(1.5) === 1.5"],
    ["Math.expm1", "Math.expm1(0) === 0"],
    ["Math.log1p", "Math.log1p(0) === 0"],
    ["Float64Array.prototype.sort", "Array.from(new Float64Array([3, 1, 2]).sort()).join() === '1,2,3'"],
    ["Float64Array.prototype.subarray", "new Float64Array([1, 2]).subarray(1)[0] === 2"],
    ["Float64Array.prototype.set", "(function () { var a = new Float64Array(2); a.set([4], 1); return a[1] === 4; })()"],
    ["Symbol.prototype.description", "Symbol('d').description === 'd'"],
    ["Symbol.toStringTag", "Symbol.toStringTag !== undefined"],
    ["Symbol.hasInstance", "Symbol.hasInstance !== undefined"],
  ];

  it("brings back every built-in it claims, in a Node vm stripped of them", () => {
    // Every provided name is exercised by some check (no claim without proof).
    const checked = new Set(CHECKS.map(([p]) => p.split(".").pop()!));
    expect(LEGACY_MEMBERS.filter((m) => !checked.has(m))).toEqual([]);
    expect(LEGACY_GLOBALS.filter((g) => !checked.has(g))).toEqual([]);

    const ctx = vm.createContext({ console });
    vm.runInContext("var self = this; var window = this;", ctx);
    // Strip: IE11 has none of these (Map / Set / WeakMap it has in part; they are replaced whole here).
    for (const [where] of CHECKS) {
      const parts = where.split(".");
      const owner = parts.length === 1 ? "this" : parts.slice(0, -1).join(".");
      const key = parts[parts.length - 1];
      // A static of a deleted global (Promise.allSettled after Promise) is gone with it.
      vm.runInContext(`try { if (${owner}) delete ${owner}[${JSON.stringify(key)}]; } catch (e) {}`, ctx);
    }
    vm.runInContext("delete this.BigInt;", ctx);
    for (const [where] of CHECKS.filter(([w]) => !w.includes(".") || w.startsWith("Array.prototype.includes"))) {
      expect([where, vm.runInContext(`typeof ${where}`, ctx)]).toEqual([where, "undefined"]);
    }
    vm.runInContext(polyfills, ctx, { filename: "taskpane-legacy-polyfills.js" });
    for (const [where, use] of CHECKS) {
      let ok: unknown;
      try {
        ok = vm.runInContext(use, ctx);
      } catch (e) {
        ok = String(e);
      }
      expect([where, ok]).toEqual([where, true]);
    }
  });

  it("normalises as Node's NFKC on every code point its subset maps, and leaves ASCII and CJK alone", () => {
    const mapped: number[] = [];
    const same: number[] = [];
    for (let c = 0x20; c <= 0xffef; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      const mine = nfkcSubset(s);
      if (mine !== s) {
        mapped.push(c);
        expect([c.toString(16), mine]).toEqual([c.toString(16), s.normalize("NFKC")]);
      } else if (s.normalize("NFKC") === s) same.push(c);
    }
    // Full-width ASCII (94), ①–⑳ (20) and the table.
    expect(mapped.length).toBeGreaterThanOrEqual(94 + 20 + 40);
    for (let c = 0x20; c <= 0x7e; c++) expect(same).toContain(c);
    for (let c = 0x4e00; c <= 0x9fff; c++) expect(nfkcSubset(String.fromCharCode(c))).toBe(String.fromCharCode(c));
    // What the readers meet: full-width numbers and labels, units, spaces.
    expect(nfkcSubset("１，２００．５０")).toBe("1,200.50");
    expect(nfkcSubset("建筑面积（m²）")).toBe("建筑面积(m2)");
    expect(nfkcSubset("合\u3000计")).toBe("合 计");
  });
});

if (skipReason !== undefined) process.stderr.write(`SKIP: browser test of the legacy task pane: ${skipReason}\n`);
const maybe = skipReason === undefined && built ? describe : describe.skip;

maybe("the legacy task pane in Chromium, IE11-like, on an ExcelApi 1.1 host without the shared runtime (Excel 2016 volume-licensed)", () => {
  let server: http.Server;
  let base: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  const excel2016 = { excelApiMinor: 1, sharedRuntime: false };

  beforeAll(async () => {
    server = await serve();
    base = baseOf(server);
    ({ context, close } = await launch());
    await routeOffice(context, base, fakeOfficeScript());
  });

  afterAll(async () => {
    await close?.();
    await new Promise((r) => server?.close(r));
  });

  it("is chosen by the loader where the ES2020 built-ins are missing, and runs 新建 → 计算 with the engine's figures", async () => {
    const { page, problems } = await openPane(context, base, { ie11Like: true, fake: { ...excel2016, syncDelayMs: 100 } });
    expect(await page.evaluate(() => (window as unknown as { __renoLoader?: string }).__renoLoader)).toBe("legacy");
    expect(await page.getByTestId("app").getAttribute("data-pane")).toBe("legacy");
    expect(await page.evaluate(() => typeof (window as unknown as { BigInt?: unknown }).BigInt)).toBe("undefined");
    const note = await page.getByTestId("missing").innerText();
    expect(note).toContain("自定义函数 RENO.* 和功能区按钮需要 Excel 2021 / 2024 LTSC、Microsoft 365");
    expect(note).toContain("本 Excel（ExcelApi 1.1）不支持：冻结表头、下拉列表、列宽、打印设置");
    await expectFits(page);
    await createExample(page);
    expect(await sheetNames(page)).toEqual(["Sheet1", "政策参数", "项目信息", "住户", "加装电梯"]);
    await calculateAndCheckCard(page);
    expect(await sheetNames(page)).toEqual(["Sheet1", "政策参数", "项目信息", "住户", "加装电梯", "测算结果", "电梯分摊", "资金汇总", "计算说明"]);
    // ExcelApi 1.1: no frozen rows, drop-downs, column widths or page layout were even asked for.
    const kinds = await fakeState<string[]>(page, "(f) => [...new Set(f.workbook.writes.map((w) => w.kind))]");
    for (const k of ["freeze", "validation", "columnWidth", "pageLayout"]) expect(kinds).not.toContain(k);
    expect(await fakeState<number>(page, "(f) => f.workbook.sheet('资金汇总').charts.length")).toBe(2);
    await voteClausesUnbroken(page);
    await expectFits(page);
    await shot(page, "taskpane-legacy.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs 政策, 检查, a refused 计算, 公示 and the error list, and explains Excel's failures", async () => {
    const { page, problems } = await openPane(context, base, { ie11Like: true, fake: excel2016 });
    await createExample(page);
    await policyPanelFollowsRuns(page);
    await baseOnlyChange(page);
    await calculateAndCheckCard(page);
    await refusedRunMarksCard(page);
    // The error list: click an address to select the cell.
    await typeCell(page, "住户", "C5", 0);
    await page.getByTestId("calculate").click();
    await page.getByTestId("errors").waitFor({ timeout: 20_000 });
    await page.getByTestId("error-ref").first().click();
    await page.waitForFunction(() => (window as unknown as { __fake: { workbook: { selection: unknown } } }).__fake.workbook.selection !== null);
    expect(await fakeState(page, "(f) => f.workbook.selection")).toEqual({ sheet: "住户", address: "C5" });
    await typeCell(page, "住户", "C5", Number(EXAMPLE_INPUT.households![3].area));
    await publicityWithDates(page);
    await noticesFourToAPage(page);
    await page.getByTestId("policy").selectOption("yueqing-2023");
    await page.getByTestId("policy-panel").getByText("内置政策 yueqing-2023").waitFor();
    await longExcelErrorWraps(page);
    await shot(page, "taskpane-legacy-errors.png");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when Excel is not there or too old", async () => {
    const outside = await openPane(context, base, { ie11Like: true, fake: { host: null } });
    expect(await outside.page.getByTestId("not-ready").innerText({ timeout: 15000 })).toContain("Excel 尚未就绪");
    await outside.page.close();
    const old = await openPane(context, base, { ie11Like: true, fake: { excelApiMinor: 0 } });
    expect(await old.page.getByTestId("not-ready").innerText()).toContain("Excel 2016 或更新版本");
    await old.page.close();
  });
});
