import * as fs from "fs";
import * as path from "path";
import { ENGINE_VERSION } from "../../src/engine";

const ENGINE = path.resolve(__dirname, "../../src/engine");

describe("the engine stays pure (house style: runs in Node, custom functions, task pane and CLI alike)", () => {
  const files = fs.readdirSync(ENGINE).filter((f) => f.endsWith(".ts"));

  it("has modules to check", () => {
    expect(files).toEqual(expect.arrayContaining(["money.ts", "project.ts", "households.ts", "vote.ts", "policy.ts"]));
  });

  it.each(files)("%s imports only decimal.js and engine modules, and uses no Office, DOM or Node globals", (f) => {
    const src = fs.readFileSync(path.join(ENGINE, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const i of imports) expect(i === "decimal.js" || i.startsWith("./")).toBe(true);
    expect(src).not.toMatch(/\b(Office|Excel|CustomFunctions|window|document|process|require|localStorage)\s*[.(]/);
    expect(src).not.toMatch(/Decimal\.set\(/); // own the constructor (house style): never change decimal.js globally
  });
});

describe("the engine version", () => {
  it("equals package.json's version (both are written into 计算说明)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
