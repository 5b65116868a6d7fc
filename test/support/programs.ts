/**
 * Tests that need a program of the machine (LibreOffice, Chromium, Python with openpyxl): when it is
 * missing they are SKIPPED — jest reports them as skipped (`N skipped` on the summary line), never as
 * passed — and the reason is printed once. `.ci/run` installs the programs.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";

/** The first of these commands found on PATH (or an absolute path that exists), else undefined. */
export function findProgram(...names: string[]): string | undefined {
  for (const n of names) {
    if (n.startsWith("/")) {
      if (fs.existsSync(n)) return n;
      continue;
    }
    const r = spawnSync("sh", ["-c", `command -v ${n}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim() !== "") return r.stdout.trim();
  }
  return undefined;
}

/** `describe` when the program is there, else `describe.skip` with the reason printed. */
export function describeWith(found: unknown, reason: string): jest.Describe {
  if (found) return describe;
  process.stderr.write(`SKIP: ${reason}\n`);
  return describe.skip;
}

/** LibreOffice (Debian: libreoffice-calc-nogui). */
export const SOFFICE = findProgram("soffice", "libreoffice");
export const NO_SOFFICE = "LibreOffice (soffice) is not installed — apt-get install -y libreoffice-calc-nogui";
