/**
 * File output for the command line: write to a temporary file beside the target and rename only on
 * success, so a failed run never leaves a partial file (funding-rules.md §8), and never overwrite the input.
 */
import * as fs from "fs";
import * as path from "path";

/** Writes `data` to `target` atomically (temp file in the same folder, then rename). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** True when two paths name the same file (after resolving links where the file exists). */
export function isSameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** A usage or input problem: exit code 2 with this message on stderr. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}
