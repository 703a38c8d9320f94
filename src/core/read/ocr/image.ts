// Page images as the OCR sees them: one byte of grey per pixel (0 black … 255 white), decoded from PNG/JPEG or
// rendered from a PDF page, within bounds of size so that a huge image cannot exhaust memory.
// The native canvas module is loaded only when an image is decoded (text reports never load it).
import type { Canvas } from '@napi-rs/canvas';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, `width * height` bytes. */
  data: Uint8Array;
}

/**
 * Page images are read with their longer side at most this many pixels (A4 at about 170 dpi): the table and line
 * finders are tuned for that scale, and it bounds the memory and time a page takes.
 */
export const MAX_SIDE = 2000;
/** Images whose header declares more pixels than this are refused without decoding them. */
export const MAX_DECODE_PIXELS = 50_000_000;

export function grayFromRgba(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < data.length; i += 4, p++) {
    const a = rgba[i + 3]! / 255;
    // Transparent pixels are paper.
    const y = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    data[p] = Math.round(y * a + 255 * (1 - a));
  }
  return { width, height, data };
}

export function grayFromCanvas(canvas: Canvas): GrayImage {
  const ctx = canvas.getContext('2d');
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return grayFromRgba(data, width, height);
}

/** The scale (≤ 1) that brings the longer side within `maxSide`. */
export function fitScale(width: number, height: number, maxSide = MAX_SIDE): number {
  return Math.min(1, maxSide / Math.max(width, height, 1));
}

/** Width and height from a PNG or JPEG header, without decoding; null when the header cannot be read. */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1]!;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        at += 2;
        continue;
      }
      const length = view.getUint16(at + 2);
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** Decodes a PNG/JPEG (or another format the canvas library reads), scaled down to `maxSide`. */
export async function decodeImage(
  bytes: Uint8Array,
  maxSide = MAX_SIDE,
): Promise<GrayImage & { scale: number }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const image = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const scale = fitScale(image.width, image.height, maxSide);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0, width, height);
  return { ...grayFromCanvas(canvas), scale };
}

/** A copy of part of an image (clamped to the image). */
export function crop(img: GrayImage, x: number, y: number, w: number, h: number): GrayImage {
  const x0 = Math.max(0, Math.floor(x));
  const y0 = Math.max(0, Math.floor(y));
  const x1 = Math.min(img.width, Math.ceil(x + w));
  const y1 = Math.min(img.height, Math.ceil(y + h));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++)
    data.set(img.data.subarray((y0 + r) * img.width + x0, (y0 + r) * img.width + x1), r * width);
  return { width, height, data };
}
