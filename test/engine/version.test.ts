import * as fs from "fs";
import * as path from "path";
import { ENGINE_VERSION } from "../../src/engine";

// The engine's purity (imports, globals, no BigInt literal, no Decimal.set) is an ESLint rule now:
// eslint.config.mjs, run by `npm run lint` in CI.

describe("the engine version", () => {
  it("equals package.json's version (both are written into 计算说明)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
