/**
 * Chunking of big reads and writes (office-platform.md: Excel on the web limits each request and
 * response to 5 MB). Pure functions, so the plan can be tested without Excel.
 */

/** Bytes we allow in one write request: below Office's 5 MB with room for the request's envelope. */
export const WRITE_BUDGET_BYTES = 4_000_000;
/**
 * Cells read in one response at first. A typical household row is ~10 bytes per cell in JSON, so this
 * stays well below 5 MB; a response that is still too big is retried in halves (see office-port.ts).
 */
export const READ_CELLS_PER_SYNC = 250_000;

/** UTF-8 length of a string (Chinese text is 3 bytes a character on the wire). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated request bytes of one row written as `values` and `numberFormat` JSON. */
export function rowBytes(values: readonly unknown[], formats: readonly string[] | undefined): number {
  return utf8Length(JSON.stringify(values)) + (formats === undefined ? 0 : utf8Length(JSON.stringify(formats))) + 2;
}

/** A run of rows of one item (a sheet, or a table being read). Rows are 0-based within the item. */
export interface Piece {
  readonly item: number;
  readonly start: number;
  readonly count: number;
}

/**
 * Packs rows of several items into batches of at most `budget` (bytes or cells), in order: each batch
 * is one request. A single row larger than the budget gets a batch of its own.
 * sizes[item][row]: the cost of each row.
 * @example planBatches([[3, 3, 3], [5]], 7) // [[{item 0, 0, 2}], [{item 0, 2, 1}], [{item 1, 0, 1}]]
 */
export function planBatches(sizes: readonly (readonly number[])[], budget: number): Piece[][] {
  const batches: Piece[][] = [];
  let batch: Piece[] = [];
  let used = 0;
  for (let item = 0; item < sizes.length; item++) {
    const rows = sizes[item];
    let start = 0;
    let count = 0;
    for (let r = 0; r < rows.length; r++) {
      const cost = rows[r];
      if (used + cost > budget && used > 0) {
        if (count > 0) batch.push({ item, start, count });
        batches.push(batch);
        batch = [];
        used = 0;
        start = r;
        count = 0;
      }
      used += cost;
      count++;
    }
    if (count > 0) batch.push({ item, start, count });
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Read batches for ranges of the given row and column counts, at most `cells` cells a batch. */
export function planReads(ranges: readonly { rows: number; columns: number }[], cells: number): Piece[][] {
  return planBatches(
    ranges.map((r) => new Array<number>(r.rows).fill(r.columns)),
    cells,
  );
}
