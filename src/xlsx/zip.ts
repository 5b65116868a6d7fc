/**
 * The zip container of an .xlsx, read and written without a third-party library, so that every limit is
 * ours and checked BEFORE anything is unpacked (docs/development.md, "Workbook files"):
 *
 * - the central directory is read first; a file whose entries declare more than `ZIP_LIMITS.unpacked`
 *   bytes in all, more than `ZIP_LIMITS.entries` entries, or one entry packed more than
 *   `ZIP_LIMITS.ratio` to 1 (a zip bomb) is refused without unpacking anything;
 * - an entry is inflated only when asked for, and never past the size its header declares (a header that
 *   lies about the size cannot make us unpack more);
 * - a truncated file (no end-of-directory record, or entries past the end) and entries with zip
 *   encryption or an unknown compression method are errors with their own kind.
 *
 * Writing copies entries that did not change byte for byte (their compressed data and CRC as read), so
 * the parts of the user's workbook we do not touch are carried over exactly.
 */
import * as zlib from "zlib";

/** The documented limits (docs/development.md). */
export const ZIP_LIMITS = {
  /** Sum of the declared unpacked sizes of all entries: 512 MiB. */
  unpacked: 512 * 1024 * 1024,
  /** Entries in the central directory. */
  entries: 10_000,
  /** Unpacked ÷ packed size of one entry (entries of at least `ratioFloor` bytes). DEFLATE tops out near 1032:1. */
  ratio: 1000,
  ratioFloor: 1024 * 1024,
} as const;

export type ZipProblem =
  | { readonly kind: "truncated" }
  | { readonly kind: "damaged"; readonly detail: string }
  | { readonly kind: "encrypted" }
  | { readonly kind: "method"; readonly method: number; readonly entry: string }
  | { readonly kind: "bomb"; readonly what: "size"; readonly size: number; readonly limit: number }
  | { readonly kind: "bomb"; readonly what: "entries"; readonly count: number; readonly limit: number }
  | { readonly kind: "bomb"; readonly what: "ratio"; readonly entry: string; readonly ratio: number; readonly limit: number };

/** A zip that cannot be read, with why. */
export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem.kind}${"detail" in problem ? `: ${problem.detail}` : ""}`);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly packedSize: number;
  readonly size: number;
  /** Offset of the local header. */
  readonly offset: number;
  readonly time: number;
  readonly date: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A zip archive read from bytes: its directory, and entries unpacked on demand. */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLower = new Map<string, ZipEntry>();

  /** Reads the directory; throws ZipError (nothing is unpacked). */
  constructor(readonly bytes: Uint8Array) {
    this.entries = readDirectory(bytes);
    for (const e of this.entries) {
      if (this.byName.has(e.name)) throw new ZipError({ kind: "damaged", detail: `duplicate entry ${e.name}` });
      this.byName.set(e.name, e);
      if (!this.byLower.has(e.name.toLowerCase())) this.byLower.set(e.name.toLowerCase(), e);
    }
  }

  /** The entry of this name; part names are case-insensitive (OPC), exact matches first. */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name) ?? this.byLower.get(name.toLowerCase());
  }

  /** The packed bytes of an entry, as stored. */
  packed(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = e.offset;
    if (at + 30 > b.length) throw new ZipError({ kind: "truncated" });
    if (u32(b, at) !== LOCAL) throw new ZipError({ kind: "damaged", detail: `no local header for ${e.name}` });
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.packedSize;
    if (end > b.length) throw new ZipError({ kind: "truncated" });
    return b.subarray(start, end);
  }

  /** The unpacked bytes of an entry (never more than its declared size). */
  read(e: ZipEntry): Uint8Array {
    if ((e.flags & 1) !== 0) throw new ZipError({ kind: "encrypted" });
    const data = this.packed(e);
    if (e.method === 0) {
      if (data.length !== e.size) throw new ZipError({ kind: "damaged", detail: `size of ${e.name}` });
      return data;
    }
    if (e.method !== 8) throw new ZipError({ kind: "method", method: e.method, entry: e.name });
    let out: Buffer;
    try {
      // One byte more than declared: a stream that goes on past its declared size is refused below.
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ERR_BUFFER_TOO_LARGE") throw new ZipError({ kind: "damaged", detail: `${e.name} unpacks past its declared size` });
      if (code === "Z_BUF_ERROR") throw new ZipError({ kind: "truncated" });
      throw new ZipError({ kind: "damaged", detail: `${e.name}: ${(err as Error).message}` });
    }
    if (out.length !== e.size) throw new ZipError({ kind: "damaged", detail: `${e.name} unpacks to ${out.length} bytes, not the ${e.size} declared` });
    return out;
  }

  /** The entry as UTF-8 text (a BOM dropped), or undefined when there is no such entry. */
  text(name: string): string | undefined {
    const e = this.entry(name);
    if (e === undefined) return undefined;
    return decodeXmlBytes(this.read(e));
  }
}

/** XML bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM. */
export function decodeXmlBytes(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return Buffer.from(b.subarray(2)).toString("utf16le");
  if (b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  const s = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf8");
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  return -1;
}

function readDirectory(b: Uint8Array): ZipEntry[] {
  const eocd = findEocd(b);
  if (eocd < 0) throw new ZipError({ kind: "truncated" });
  let count = u16(b, eocd + 10);
  let size = u32(b, eocd + 12);
  let offset = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === EOCD64_LOCATOR) {
      const at = u64(b, loc + 8);
      if (at + 56 > b.length || u32(b, at) !== EOCD64) throw new ZipError({ kind: "damaged", detail: "zip64 directory" });
      count = u64(b, at + 32);
      size = u64(b, at + 40);
      offset = u64(b, at + 48);
    }
  }
  if (count > ZIP_LIMITS.entries) throw new ZipError({ kind: "bomb", what: "entries", count, limit: ZIP_LIMITS.entries });
  if (offset + size > b.length) throw new ZipError({ kind: "truncated" });
  // The whole directory's declared size first: the message names the total, not one entry.
  const declared = sumDeclared(b, offset, count);
  if (declared > ZIP_LIMITS.unpacked) throw new ZipError({ kind: "bomb", what: "size", size: declared, limit: ZIP_LIMITS.unpacked });
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw new ZipError({ kind: "damaged", detail: "central directory" });
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const time = u16(b, p + 12);
    const date = u16(b, p + 14);
    const crc = u32(b, p + 16);
    let packedSize = u32(b, p + 20);
    let unpacked = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let local = u32(b, p + 42);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = Buffer.from(nameBytes).toString((flags & 0x800) !== 0 ? "utf8" : "latin1");
    // Zip64 sizes and offset, in this order, for the fields that are all ones.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (unpacked === 0xffffffff) ((unpacked = u64(b, q)), (q += 8));
        if (packedSize === 0xffffffff) ((packedSize = u64(b, q)), (q += 8));
        if (local === 0xffffffff) local = u64(b, q);
      }
      x += 4 + len;
    }
    p = xEnd + commentLen;
    total += unpacked;
    if (total > ZIP_LIMITS.unpacked) throw new ZipError({ kind: "bomb", what: "size", size: sumDeclared(b, offset, count), limit: ZIP_LIMITS.unpacked });
    if (unpacked >= ZIP_LIMITS.ratioFloor && unpacked > ZIP_LIMITS.ratio * Math.max(1, packedSize)) {
      throw new ZipError({ kind: "bomb", what: "ratio", entry: name, ratio: Math.floor(unpacked / Math.max(1, packedSize)), limit: ZIP_LIMITS.ratio });
    }
    if (name.endsWith("/")) continue; // a folder entry
    entries.push({ name, method, flags, crc, packedSize, size: unpacked, offset: local, time, date });
  }
  return entries;
}

/** The declared unpacked total of the whole directory (for the message; sizes only, nothing unpacked). */
function sumDeclared(b: Uint8Array, offset: number, count: number): number {
  let total = 0;
  let p = offset;
  for (let n = 0; n < count && p + 46 <= b.length && u32(b, p) === CENTRAL; n++) {
    total += u32(b, p + 24);
    p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
  }
  return total;
}

// ---- writing ----

let CRC_TABLE: Uint32Array | undefined;
/** CRC-32 (zip's), table-driven. */
export function crc32(data: Uint8Array): number {
  if (CRC_TABLE === undefined) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry to write: new data (deflated here), or an entry of a read archive copied as it is packed. */
export type ZipItem = { readonly name: string; readonly data: Uint8Array } | { readonly name: string; readonly from: ZipArchive; readonly entry: ZipEntry };

/** Writes a zip (no zip64: the limits above keep archives far below 4 GiB and 65,535 entries). */
export function writeZip(items: readonly ZipItem[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let at = 0;
  // DOS time of 1980-01-01 00:00 for new entries: the output does not depend on the clock.
  for (const item of items) {
    const name = Buffer.from(item.name, "utf8");
    let method: number, crc: number, size: number, packed: Uint8Array, time: number, date: number;
    if ("data" in item) {
      crc = crc32(item.data);
      size = item.data.length;
      const deflated = zlib.deflateRawSync(item.data, { level: 6 });
      [method, packed] = deflated.length < size ? [8, deflated] : [0, item.data];
      time = 0;
      date = 0x21;
    } else {
      const e = item.entry;
      if ((e.flags & 1) !== 0) throw new ZipError({ kind: "encrypted" });
      ({ method, crc, size, time, date } = e);
      packed = item.from.packed(e);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(CENTRAL, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(time, 12);
    cd.writeUInt16LE(date, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(packed.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(at, 42);
    chunks.push(local, name, packed);
    central.push(cd, name);
    at += 30 + name.length + packed.length;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
