/**
 * Generates the extension's toolbar and notification icons (public/icon/{16,32,48,128}.png): a blue
 * rounded square with a white clock face and an amber hand. Notifications need a raster icon (no SVG),
 * so the PNGs are committed; run `node scripts/gen-icons.mjs` after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { Buffer } from 'node:buffer';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA pixels → PNG (8-bit RGBA, no interlace, filter 0 per row). */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [26, 115, 232];
const WHITE = [255, 255, 255];
const AMBER = [227, 116, 0];

/** Coverage of one pixel by a shape, 4×4 supersampled (smooth edges at 16 px). */
function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const s = size;
  const r = s * 0.2; // corner radius
  const inRounded = (x, y) => {
    const cx = Math.min(Math.max(x, r), s - r);
    const cy = Math.min(Math.max(y, r), s - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const c = s / 2;
  const face = s * 0.34;
  const ring = Math.max(1, s * 0.07);
  const onSegment = (x, y, x2, y2, w) => {
    const dx = x2 - c;
    const dy = y2 - c;
    const t = Math.max(0, Math.min(1, ((x - c) * dx + (y - c) * dy) / (dx * dx + dy * dy)));
    return (x - (c + t * dx)) ** 2 + (y - (c + t * dy)) ** 2 <= (w / 2) ** 2;
  };
  for (let y = 0; y < s; y++)
    for (let x = 0; x < s; x++) {
      let acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const X = x + (sx + 0.5) / 4;
          const Y = y + (sy + 0.5) / 4;
          if (!inRounded(X, Y)) continue;
          const d = Math.hypot(X - c, Y - c);
          let col = BLUE;
          if (d <= face) col = WHITE;
          if (d <= face && d >= face - ring) col = WHITE;
          if (onSegment(X, Y, c, c - face * 0.75, ring * 1.2)) col = BLUE;
          if (onSegment(X, Y, c + face * 0.6, c + face * 0.25, ring * 1.4)) col = AMBER;
          acc = [acc[0] + col[0], acc[1] + col[1], acc[2] + col[2], acc[3] + 1];
        }
      const i = (y * s + x) * 4;
      if (acc[3] === 0) continue;
      px[i] = Math.round(acc[0] / acc[3]);
      px[i + 1] = Math.round(acc[1] / acc[3]);
      px[i + 2] = Math.round(acc[2] / acc[3]);
      px[i + 3] = Math.round((acc[3] / 16) * 255);
    }
  return px;
}

const out = path.resolve(import.meta.dirname, '../public/icon');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) {
  writeFileSync(path.join(out, `${size}.png`), encodePng(size, draw(size)));
  console.log(`public/icon/${size}.png`);
}
