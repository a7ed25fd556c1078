// `node build/icon.mjs`: writes build/icon.svg and build/icon.png (1024×1024, which electron-builder
// turns into the .ico, .icns and Linux sizes) from one list of shapes, with no image tool needed.
// The picture: a workbook card handed over in front of another, with a check mark.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SHAPES = [
  { kind: 'rect', x: 64, y: 64, w: 896, h: 896, r: 192, fill: '#1d4e63' },
  { kind: 'rect', x: 236, y: 212, w: 392, h: 496, r: 48, fill: '#8fb8c7' },
  { kind: 'rect', x: 396, y: 316, w: 392, h: 496, r: 48, fill: '#ffffff' },
  { kind: 'line', x1: 470, y1: 504, x2: 700, y2: 504, width: 28, fill: '#c9d9df' },
  { kind: 'line', x1: 500, y1: 640, x2: 570, y2: 710, width: 56, fill: '#2e9e6b' },
  { kind: 'line', x1: 570, y1: 710, x2: 712, y2: 568, width: 56, fill: '#2e9e6b' },
];

function svg() {
  const body = SHAPES.map((s) => s.kind === 'rect'
    ? `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`
    : `  <line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${s.fill}" stroke-width="${s.width}" stroke-linecap="round"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">\n${body.join('\n')}\n</svg>\n`;
}

/** Whether point (px, py) is inside the shape (signed-distance tests, as the SVG draws them). */
function inside(s, px, py) {
  if (s.kind === 'rect') {
    const dx = Math.max(Math.abs(px - (s.x + s.w / 2)) - (s.w / 2 - s.r), 0);
    const dy = Math.max(Math.abs(py - (s.y + s.h / 2)) - (s.h / 2 - s.r), 0);
    return dx * dx + dy * dy <= s.r * s.r;
  }
  const vx = s.x2 - s.x1;
  const vy = s.y2 - s.y1;
  const t = Math.min(1, Math.max(0, ((px - s.x1) * vx + (py - s.y1) * vy) / (vx * vx + vy * vy)));
  const ex = px - (s.x1 + t * vx);
  const ey = py - (s.y1 + t * vy);
  return ex * ex + ey * ey <= (s.width / 2) ** 2;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels, 4×4 samples per pixel for smooth edges, shapes painted in order. */
function render() {
  const N = 4;
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const colours = SHAPES.map((s) => rgb(s.fill));
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const px = x + (sx + 0.5) / N;
          const py = y + (sy + 0.5) / N;
          for (let i = SHAPES.length - 1; i >= 0; i--) {
            if (inside(SHAPES[i], px, py)) {
              const [cr, cg, cb] = colours[i];
              r += cr; g += cg; b += cb; a += 1;
              break;
            }
          }
        }
      }
      const o = (y * SIZE + x) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round((255 * a) / (N * N));
      }
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'icon.svg'), svg());
writeFileSync(join(here, 'icon.png'), png(render()));
console.log('Wrote build/icon.svg and build/icon.png');
