/**
 * The import boundaries of eslint.config.mjs fire where they should (and `npm run lint` in CI keeps the
 * code clean of them): each case lints a snippet as if it were a file of that folder.
 */
import { execFileSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Lints snippets as files of the repository, in one child process (ESLint loads its flat config with a
 * dynamic import, which jest's module sandbox does not allow). Returns the rules that fired, per case.
 */
function lintCases(cases: readonly { file: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: ${JSON.stringify(ROOT)} });
    (async () => {
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: require("path").join(${JSON.stringify(ROOT)}, c.file) });
        out.push(r.messages.map((m) => m.ruleId || "").filter((id) => id !== "prettier/prettier"));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" })) as string[][];
}

const REFUSED: [string, string, string][] = [
  ["src/engine/x.ts", 'import * as fs from "fs";\nexport const a = fs;\n', "no-restricted-imports"],
  ["src/engine/x.ts", 'import { SHEETS } from "../workbook";\nexport const a = SHEETS;\n', "no-restricted-imports"],
  ["src/engine/messages/x.ts", 'import { SHEETS } from "../../workbook";\nexport const a = SHEETS;\n', "no-restricted-imports"],
  ["src/engine/x.ts", "export const a = Office.context;\n", "no-restricted-globals"],
  ["src/engine/x.ts", "export const a = 10n;\n", "no-restricted-syntax"],
  ["src/engine/x.ts", 'import Decimal from "decimal.js";\nDecimal.set({ precision: 5 });\n', "no-restricted-syntax"],
  ["src/workbook/x.ts", 'import ExcelJS from "exceljs";\nexport const a = ExcelJS;\n', "no-restricted-imports"],
  ["src/workbook/x.ts", "export const a = document.title;\n", "no-restricted-globals"],
  ["src/taskpane/components/x.tsx", "export const a = Excel.run;\n", "no-restricted-globals"],
];
const ACCEPTED: [string, string][] = [
  ["src/engine/x.ts", 'import Decimal from "decimal.js";\nimport { Dec } from "./money";\nexport const a = [Decimal, Dec];\n'],
  ["src/engine/messages/x.ts", 'import { text } from "./define";\nimport { Dec } from "../money";\nexport const a = [text, Dec];\n'],
  ["src/excel/x.ts", "export const a = Excel.run;\n"],
  ["src/xlsx/x.ts", 'import ExcelJS from "exceljs";\nexport const a = ExcelJS;\n'],
];

describe("import boundaries (house style)", () => {
  const results = lintCases([...REFUSED, ...ACCEPTED].map(([file, code]) => ({ file, code })));

  it.each(REFUSED.map((c, i) => [...c, i] as const))("refuses in %s: %s", (_file, _code, rule, i) => {
    expect(results[i]).toContain(rule);
  });

  it.each(ACCEPTED.map((c, i) => [...c, REFUSED.length + i] as const))("accepts in %s: %s", (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
