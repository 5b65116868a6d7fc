/**
 * A progress bar on stderr for the batch, drawn only when stderr is a terminal (never in pipes, logs or
 * tests), so output that is captured stays clean.
 */
export interface Progress {
  /** Marks one more item done; label: what was just done. */
  tick(label: string): void;
  /** Clears the bar. */
  done(): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(s: string): boolean;
}

/** A bar over `total` items on `stream` (default stderr); a no-op when the stream is not a terminal. */
export function createProgress(total: number, stream: ProgressStream = process.stderr): Progress {
  if (stream.isTTY !== true || total <= 0) return { tick: () => undefined, done: () => undefined };
  let n = 0;
  const width = 24;
  const draw = (label: string) => {
    const filled = Math.round((n / total) * width);
    const text = `\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${n}/${total} ${label}`;
    const max = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(text.length > max ? text.slice(0, max) : text.padEnd(max));
  };
  draw("");
  return {
    tick(label: string) {
      n++;
      draw(label);
    },
    done() {
      stream.write(`\r${" ".repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}
