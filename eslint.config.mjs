/**
 * `npm run lint`: ESLint with Microsoft's Office add-in rules (eslint-plugin-office-addins: load before
 * read, sync after load, isNullObject …) and React rules, Prettier as a rule, and the import boundaries
 * of the house style — the engine imports nothing but decimal.js and itself; the workbook layout is
 * pure too; Office.js only in src/excel, the functions' entry and src/commands; exceljs only in
 * src/xlsx and src/cli. Zero findings in CI.
 */
import js from "@eslint/js";
import prettierConfig from "eslint-config-prettier";
import react from "eslint-plugin-react";
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import tsPlugin from "@typescript-eslint/eslint-plugin";
import prettier from "eslint-plugin-prettier";
import globals from "globals";

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions"].map((name) => ({
  name,
  message: "Office.js belongs in src/excel, the functions' entry (src/functions/functions.ts, excel.ts) and src/commands only.",
}));
const HOST_GLOBALS = ["window", "document", "navigator", "localStorage", "process", "require", "Buffer"].map((name) => ({
  name,
  message: "This module is pure: no DOM, browser or Node globals (it runs in every surface).",
}));
const NODE_MODULES = ["fs", "path", "os", "child_process", "zlib", "util", "crypto", "node:*"];

export default [
  { ignores: ["dist/", "lib/", "node_modules/", "coverage/", "test/artifacts/", ".tmp/", "**/*.d.ts"] },
  // Microsoft's recommended set (eslint-plugin-office-addins `configs.react`), assembled here so that the
  // TypeScript plugin is one instance and .tsx files get the Office rules too.
  js.configs.recommended,
  prettierConfig,
  react.configs.flat.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "@typescript-eslint": tsPlugin, "office-addins": officeAddins, prettier },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node, ...globals.jest },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      // TypeScript checks names itself (types, namespaces such as Excel.RequestContext); its own rule
      // knows type-only parameters.
      "no-undef": "off",
      "no-unused-vars": "off",
      "no-redeclare": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
  },
  // The engine: decimal.js and itself only; no host globals; no BigInt literal (it runs in IE11);
  // never Decimal.set (we own our constructor).
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!decimal\\.js$|\\.\\.?/)|^\\.\\./\\.\\./", message: "The engine imports nothing but decimal.js and itself." }] },
      ],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...HOST_GLOBALS],
      "no-restricted-syntax": [
        "error",
        { selector: "Literal[bigint]", message: "No BigInt literal in the engine: it runs in the IE11 webview (use exact-int.ts)." },
        {
          selector: "CallExpression[callee.object.name='Decimal'][callee.property.name='set']",
          message: "Own the constructor (money.ts Dec): never Decimal.set.",
        },
      ],
    },
  },
  {
    files: ["src/engine/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(?!decimal\\.js$|\\./)", message: "The engine imports nothing but decimal.js and itself." }] },
      ],
    },
  },
  // The workbook layout: pure, shared by both adapters.
  {
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["exceljs", "react"], patterns: [...NODE_MODULES, "**/excel/*", "**/xlsx/*", "**/taskpane/*", "**/cli/*"] }],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS, ...HOST_GLOBALS],
    },
  },
  // The pane's components and workflows reach Office.js only through the port (src/excel).
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts"],
    ignores: ["src/taskpane/index.tsx", "src/taskpane/legacy/index.ts", "src/functions/functions.ts", "src/functions/excel.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: ["exceljs"], patterns: NODE_MODULES }],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
    },
  },
  {
    files: ["src/excel/**/*.ts", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: ["exceljs"], patterns: NODE_MODULES }] },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...OFFICE_GLOBALS] },
  },
  // The Office rules read `getCell(…).value` as an Office.js proxy; exceljs code is not Office.js.
  {
    files: ["src/xlsx/**/*.ts", "src/cli/**/*.ts", "test/xlsx/**/*.ts", "scripts/**/*", "bench/**/*"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
];
