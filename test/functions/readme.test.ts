/** The README's function reference (between the functions markers) lists every function with its arguments. */
import fs from "fs";
import path from "path";
import { ROOT } from "./ensure-dist";

it("documents every RENO function id and argument of functions.ts", () => {
  const readme = fs.readFileSync(path.join(ROOT, "docs", "用户手册.md"), "utf8");
  const section = readme.slice(readme.indexOf("<!-- BEGIN functions -->"), readme.indexOf("<!-- END functions -->"));
  const src = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
  const ids = [...src.matchAll(/@customfunction\s+(\w+)/g)].map((m) => m[1]);
  expect(ids).toHaveLength(10);
  for (const id of ids) {
    const row = section.split("\n").find((l) => l.startsWith(`| \`RENO.${id}\``));
    expect([id, row !== undefined]).toEqual([id, true]);
  }
  for (const arg of [
    "basic",
    "improvement",
    "enhancement",
    "area",
    "social",
    "policy",
    "status",
    "total",
    "weights",
    "areas",
    "statuses",
    "participated",
    "agreed",
    "cost",
    "storeys",
    "floors",
    "maintenanceFund",
    "otherFunds",
  ]) {
    expect([arg, section.includes(arg)]).toEqual([arg, true]);
  }
});
