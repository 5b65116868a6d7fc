/**
 * Writes the English custom-function metadata (functions-en-us.json) next to the default one.
 *
 * custom-functions-metadata-plugin makes only one metadata file, from the JSDoc of
 * src/functions/functions.ts: that is the default (zh-CN, the manifest's DefaultLocale). This plugin
 * copies it and replaces every description with the English text from
 * src/functions/functions-en-us.texts.json; the manifest points en-US users at the copy with
 * <bt:Override Locale="en-us" …/> on Functions.Metadata.Url (office-platform.md: localization).
 * Ids and names are never changed. A function or parameter without an English text, or a text for
 * one that no longer exists, fails the build — the two files cannot drift apart silently.
 */
"use strict";
const fs = require("fs");
const { Compilation, WebpackError, sources } = require("webpack");

const PLUGIN = "FunctionsLocalePlugin";

/**
 * metadata: the parsed default functions.json. texts: { ID: { description, parameters: { name: text } } }.
 * Returns { metadata, problems }: the localized copy and a list of mismatches (empty when complete).
 */
function localize(metadata, texts) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((f) => {
    const t = texts[f.id];
    seen.add(f.id);
    if (!t) {
      problems.push(`no English text for function ${f.id}`);
      return f;
    }
    const names = new Set(f.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters || {})) {
      if (!names.has(name)) problems.push(`English text for unknown parameter ${f.id}.${name}`);
    }
    const parameters = f.parameters.map((p) => {
      const d = t.parameters && t.parameters[p.name];
      if (!d) problems.push(`no English text for parameter ${f.id}.${p.name}`);
      return d ? { ...p, description: d } : p;
    });
    if (!t.description) problems.push(`no English description for function ${f.id}`);
    return { ...f, description: t.description || f.description, parameters };
  });
  for (const id of Object.keys(texts)) if (!seen.has(id)) problems.push(`English text for unknown function ${id}`);
  return { metadata: { ...metadata, functions }, problems };
}

class FunctionsLocalePlugin {
  /** options: { input: "functions.json", output: "functions-en-us.json", texts: absolute path of the texts file }. */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { input, output, texts } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.fileDependencies.add(texts);
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset(input);
        if (!asset) {
          // The metadata plugin reports its own parse errors; say why the English file is missing too.
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${input} was not generated, so ${output} cannot be`));
          return;
        }
        const { metadata, problems } = localize(JSON.parse(asset.source.source().toString()), JSON.parse(fs.readFileSync(texts, "utf8")));
        for (const p of problems) compilation.errors.push(new WebpackError(`${PLUGIN}: ${p} (${texts})`));
        compilation.emitAsset(output, new sources.RawSource(JSON.stringify(metadata, null, 2)));
      });
    });
  }
}

module.exports = FunctionsLocalePlugin;
module.exports.localize = localize;
