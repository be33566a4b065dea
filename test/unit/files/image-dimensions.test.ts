import { describe, expect, it } from 'vitest';
import { demoPng } from '../../../db/demo-png.ts';
import { imageDimensions } from '../../../src/server/files/file-type.ts';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe('an image’s size, read from its header', () => {
  it('reads a PNG', () => {
    expect(imageDimensions(demoPng(60, 40, [1, 2, 3]))).toEqual({ width: 60, height: 40 });
  });

  it('reads a JPEG past its other segments, from the start-of-frame', () => {
    const jpeg = new Uint8Array([
      0xff,
      0xd8, // start of image
      0xff,
      0xe0,
      0x00,
      0x04,
      0x4a,
      0x46, // an APP0 segment of 4 bytes
      0xff,
      0xc4,
      0x00,
      0x03,
      0x00, // a Huffman table (not a frame)
      0xff,
      0xc2,
      0x00,
      0x11,
      0x08,
      0x01,
      0x2c,
      0x01,
      0x90,
      0x03, // progressive frame: 300 × 400
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
    ]);
    expect(imageDimensions(jpeg)).toEqual({ width: 400, height: 300 });
  });

  it('reads a JPEG whose markers are preceded by 0xFF fill bytes', () => {
    // biome-ignore format: one JPEG segment per line
    const jpeg = new Uint8Array([
      0xff, 0xd8, // start of image
      0xff, 0xff, 0xff, 0xe1, 0x00, 0x04, 0x45, 0x78, // fill bytes, then an APP1 of 4 bytes
      0xff, 0xff, 0xdb, 0x00, 0x03, 0x00, // a fill byte, then a quantization table
      0xff, 0xff, 0xff, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03, // baseline frame after three fill bytes: 800 × 600
      0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(imageDimensions(jpeg)).toEqual({ width: 800, height: 600 });
  });

  it('skips markers that carry no length, and stops at a scan with no frame before it', () => {
    // biome-ignore format: one JPEG segment per line
    const withRestart = new Uint8Array([
      0xff, 0xd8, 0xff, 0xd0, 0xff, 0x01, // RST0 and TEM stand alone
      0xff, 0xc1, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, // extended frame: 32 × 16
      0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(imageDimensions(withRestart)).toEqual({ width: 32, height: 16 });
    // biome-ignore format: one JPEG segment per line
    const scanFirst = new Uint8Array([
      0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0,
      0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20, 0x03, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(imageDimensions(scanFirst)).toBeNull();
  });

  it('reads an extended WebP (VP8X), whose sizes are stored minus one', () => {
    const webp = new Uint8Array([
      ...ascii('RIFF'),
      0,
      0,
      0,
      0,
      ...ascii('WEBP'),
      ...ascii('VP8X'),
      10,
      0,
      0,
      0,
      0,
      0,
      0,
      0, // flags
      0x37,
      0x04,
      0x00, // width − 1 = 1079
      0xcf,
      0x02,
      0x00, // height − 1 = 719
    ]);
    expect(imageDimensions(webp)).toEqual({ width: 1080, height: 720 });
  });

  it('says nothing for a PDF or a truncated header', () => {
    expect(imageDimensions(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff]))).toBeNull();
  });
});
