/**
 * Builds the add-in Excel loads (issue #4): one page, taskpane.html, runs the task pane, the RENO.*
 * functions and the ribbon commands in one JavaScript context (shared runtime, office-platform.md),
 * after Microsoft's Excel-Custom-Functions-Shared template. Two compilations (issue #11):
 *   modern  taskpane.js (React + Fluent UI), functions.js, commands.js — ES2020, for WebView2, Safari, browsers
 *   legacy  taskpane-legacy-polyfills.js + taskpane-legacy.js (+ .css) — ECMAScript 5 with core-js, plain DOM,
 *           for the Internet Explorer 11 webview of Excel 2016 / 2019 volume-licensed (and EdgeHTML)
 * taskpane.html loads office.js, then loader.js (hand-written ES3), which picks one by feature detection.
 *
 *   npm run build      production: minified, dist/ ready to copy to a web server
 *   npm run build:dev  development: readable bundles, manifest keeps https://localhost:3000/
 *   npm run dev-server https://localhost:3000/ with office-addin-dev-certs' trusted certificate
 *
 * dist/: functions.js (+ CustomFunctions.associate for every id), functions.json (zh-CN, from the
 * JSDoc), functions-en-us.json (English overrides), functions.html, taskpane.html, help.html,
 * assets/icon-*.png, manifest.xml. ADDIN_BASE_URL (e.g. https://reno.example.gov.cn/addin/) replaces
 * https://localhost:3000/ in the production manifest, for an intranet server.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const FunctionsLocalePlugin = require("./scripts/functions-locale-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** ADDIN_BASE_URL, checked and with a trailing slash; undefined when unset. */
function productionBaseUrl() {
  const raw = (process.env.ADDIN_BASE_URL || "").trim();
  if (raw === "") return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${raw}`);
  }
  // Office loads add-ins only over https.
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must start with https://, found ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The legacy bundle's files (the modern build's clean step keeps them in watch mode). */
const LEGACY_FILES = /^taskpane-legacy/;

/** ts-loader for one language level. */
function tsRule(compilerOptions) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        configFile: path.resolve(__dirname, "tsconfig.json"),
        // Type checking is `tsc --noEmit` in `npm run build`; the bundle only transpiles.
        transpileOnly: true,
        // ES modules let webpack tree-shake the engine and decimal.js.
        compilerOptions: { module: "es2020", moduleResolution: "node", ...compilerOptions },
      },
    },
  };
}

/**
 * The legacy task pane: ES5 (TypeScript's own down-levelling, with downlevelIteration for for…of over Map
 * and Set), polyfills and core-js in a file of their own, loaded first. test/browser/legacy.test.ts parses
 * both files as ECMAScript 5 and checks every ES2015+ built-in they use is polyfilled.
 */
function legacyConfig(dev) {
  return {
    name: "legacy",
    // After the modern build, whose clean step empties dist/.
    dependencies: ["modern"],
    mode: dev ? "development" : "production",
    devtool: "source-map",
    target: ["web", "es5"],
    cache: {
      type: "filesystem",
      name: `${dev ? "development" : "production"}-legacy`,
      buildDependencies: { config: [__filename] },
    },
    entry: {
      "taskpane-legacy-polyfills": "./src/taskpane/legacy/polyfills.ts",
      "taskpane-legacy": { import: "./src/taskpane/legacy/index.ts", dependOn: "taskpane-legacy-polyfills" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: false,
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [tsRule({ target: "es5", downlevelIteration: true, lib: ["ES2020", "DOM", "DOM.Iterable"] })],
    },
    performance: { hints: false },
    plugins: [new CopyWebpackPlugin({ patterns: [{ from: "src/taskpane/legacy/legacy.css", to: "taskpane-legacy.css" }] })],
  };
}

/** Every occurrence (the template's String.replace changes only the first). */
function rewriteUrls(xml, from, to) {
  return xml.split(from).join(to);
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const baseUrl = dev ? DEV_URL : (productionBaseUrl() ?? DEV_URL);

  const config = {
    name: "modern",
    mode: dev ? "development" : "production",
    devtool: "source-map",
    // Rebuilds (tests, watch) reuse modules and minified output from node_modules/.cache/webpack.
    cache: {
      type: "filesystem",
      name: dev ? "development" : "production",
      buildDependencies: { config: [__filename, require.resolve("./scripts/functions-locale-plugin")] },
    },
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: LEGACY_FILES },
      // Write every file on every build, so that mtimes tell the tests (test/functions/ensure-dist.ts)
      // whether dist/ is older than its sources.
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [tsRule({})],
    },
    performance: {
      // The functions bundle has its own limit (200 KB, bench/functions.bench.ts); the task pane carries React.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new FunctionsLocalePlugin({
        input: "functions.json",
        output: "functions-en-us.json",
        texts: path.resolve(__dirname, "src/functions/functions-en-us.texts.json"),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // One page, three entries (the shared runtime) — or the legacy pane: loader.js, named in the
        // template, loads the bundles itself.
        inject: false,
      }),
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/commands/help.html",
        chunks: [],
      }),
      // What kind of build dist/ holds, for the tests (test/functions/ensure-dist.ts) and for whoever deploys it.
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("BuildInfo", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "BuildInfo", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
              const info = { mode: dev ? "development" : "production", baseUrl };
              compilation.emitAsset("build-info.json", new compiler.webpack.sources.RawSource(JSON.stringify(info, null, 2)));
            });
          });
        },
      },
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/loader.js", to: "loader.js" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return baseUrl === DEV_URL ? content : rewriteUrls(content.toString(), DEV_URL, baseUrl);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      port: DEV_PORT,
      server: {
        type: "https",
        // Only `webpack serve` needs the certificate (and may install it); builds never touch it.
        options: env && env.WEBPACK_SERVE ? await httpsOptions() : undefined,
      },
    },
  };
  return [config, legacyConfig(dev)];
};

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports.rewriteUrls = rewriteUrls;
module.exports.productionBaseUrl = productionBaseUrl;
