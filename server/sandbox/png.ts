import { crc32, deflateSync } from 'node:zlib';

/*
 * Tiny placeholder photos, drawn at start so the sandbox ships no binary files: a vertical
 * gradient with a soft disc, enough for an inbox to show "an image" and prove it downloaded it.
 */

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, checksum]);
}

export function placeholderPng(width: number, height: number, top: Rgb, bottom: Rgb, disc: Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  const [cx, cy, radius] = [width * 0.68, height * 0.38, Math.min(width, height) * 0.2];
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    const t = y / (height - 1);
    for (let x = 0; x < width; x += 1) {
      const inside = Math.hypot(x - cx, y - cy) < radius;
      for (let c = 0; c < 3; c += 1) {
        const gradient = (top[c] ?? 0) * (1 - t) + (bottom[c] ?? 0) * t;
        rows[row + 1 + x * 3 + c] = Math.round(inside ? (disc[c] ?? 0) : gradient);
      }
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
