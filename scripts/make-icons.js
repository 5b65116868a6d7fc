#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-16.png … icon-80.png, plus 128 for the store listing) with
 * nothing but Node's zlib: a blue rounded square with a white house and a door — 老旧小区改造.
 * Each pixel is supersampled 4×4 so the small sizes stay smooth. Run: node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, "..", "assets");

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels (size × size × 4) → PNG bytes (8-bit RGBA, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1f, 0x6f, 0xb2];
const WHITE = [0xff, 0xff, 0xff];

/** Which colour the point (u, v) in the unit square has: null = transparent. */
function shade(u, v) {
  // Rounded square background, corner radius 0.18.
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null;
  // Door (blue, cut out of the house body).
  if (u >= 0.44 && u <= 0.56 && v >= 0.6 && v <= 0.8) return BLUE;
  // House body.
  if (u >= 0.27 && u <= 0.73 && v >= 0.47 && v <= 0.8) return WHITE;
  // Roof: a triangle from (0.18, 0.5) to (0.82, 0.5) with its apex at (0.5, 0.2).
  if (v >= 0.2 && v <= 0.5) {
    const half = ((v - 0.2) / 0.3) * 0.32;
    if (Math.abs(u - 0.5) <= half) return WHITE;
  }
  return BLUE;
}

function render(size) {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rs = 0,
        gs = 0,
        bs = 0,
        a = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (c === null) continue;
          rs += c[0];
          gs += c[1];
          bs += c[2];
          a += 1;
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) {
        px[o] = Math.round(rs / a);
        px[o + 1] = Math.round(gs / a);
        px[o + 2] = Math.round(bs / a);
        px[o + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return encodePng(size, px);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, render(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { render, encodePng, SIZES };
