// Draws the add-in icons (a rising bar chart on Fluent blue) at every size the manifest and the
// store need. Run with `npm run icons`; the PNGs are committed so builds need no image tools.
import { PNG } from 'pngjs';
import { writeFileSync, mkdirSync } from 'node:fs';

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xff, 0xc8, 0x3d];

/** Coverage of pixel (x, y) by a shape, supersampled 4×4 so small sizes stay crisp. */
function coverage(inside, x, y) {
  let hit = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hit++;
  return hit / 16;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  const s = size;
  const r = s * 0.18;
  const roundedSquare = (x, y) => {
    const cx = Math.min(Math.max(x, r), s - r);
    const cy = Math.min(Math.max(y, r), s - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  const bars = [0.3, 0.5, 0.72].map((h, i) => ({ x0: s * (0.2 + i * 0.22), x1: s * (0.34 + i * 0.22), y0: s * (0.82 - h * 0.75), y1: s * 0.82 }));
  const inBar = (x, y) => bars.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);
  const lw = Math.max(1, s * 0.06);
  const p0 = [s * 0.16, s * 0.5];
  const p1 = [s * 0.84, s * 0.14];
  const onLine = (x, y) => {
    const [ax, ay] = p0;
    const [bx, by] = p1;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= lw / 2;
  };
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const bg = coverage(roundedSquare, x, y);
      const bar = coverage(inBar, x, y);
      const line = coverage(onLine, x, y);
      let col = [...BLUE];
      col = col.map((v, k) => v * (1 - bar) + WHITE[k] * bar);
      col = col.map((v, k) => v * (1 - line) + GOLD[k] * line);
      const i = (y * s + x) * 4;
      png.data[i] = Math.round(col[0]);
      png.data[i + 1] = Math.round(col[1]);
      png.data[i + 2] = Math.round(col[2]);
      png.data[i + 3] = Math.round(255 * bg);
    }
  }
  return PNG.sync.write(png);
}

mkdirSync('assets', { recursive: true });
for (const size of SIZES) writeFileSync(`assets/icon-${size}.png`, draw(size));
console.log(`wrote assets/icon-{${SIZES.join(',')}}.png`);
