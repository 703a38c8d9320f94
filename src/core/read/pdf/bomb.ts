// A PDF bomb is a small file whose compressed streams inflate to gigabytes. pdfjs keeps a decoded stream whole in
// memory, so before handing a file to it, every Flate stream that is not an image (images are bounded by their
// declared size, see MAX_IMAGE_PIXELS) is inflated here with a hard output limit.
import { constants, inflateSync } from 'node:zlib';

/** One content, font or object stream may not inflate to more than this. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** All of them together may not inflate to more than this. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

export interface BombCheck {
  ok: boolean;
  /** Bytes the checked streams inflate to (up to the limit). */
  inflated: number;
}

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

function isLineEnd(byte: number | undefined): boolean {
  return byte === 0x0a || byte === 0x0d;
}

/** The dictionary text before a `stream` keyword: from the last `obj` (at most 4 KB back). */
function dictionaryBefore(buf: Buffer, at: number): string {
  const from = Math.max(0, at - 4096);
  const head = buf.toString('latin1', from, at);
  const obj = head.lastIndexOf('obj');
  return obj >= 0 ? head.slice(obj) : head;
}

export function checkInflatedSize(bytes: Uint8Array): BombCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  let at = buf.indexOf(STREAM);
  while (at >= 0) {
    const isKeyword = !(at >= 3 && buf.toString('latin1', at - 3, at) === 'end');
    let dataStart = at + STREAM.length;
    if (buf[dataStart] === 0x0d) dataStart++;
    if (buf[dataStart] === 0x0a) dataStart++;
    if (!isKeyword || !isLineEnd(buf[dataStart - 1])) {
      at = buf.indexOf(STREAM, at + STREAM.length);
      continue;
    }
    const end = buf.indexOf(END_STREAM, dataStart);
    const dataEnd = end < 0 ? buf.length : end;
    const dict = dictionaryBefore(buf, at);
    if (/\/(FlateDecode|Fl)\b/.test(dict) && !/\/Subtype\s*\/Image\b/.test(dict)) {
      const limit = Math.min(MAX_STREAM_BYTES, MAX_INFLATED_BYTES - inflated);
      try {
        const out = inflateSync(buf.subarray(dataStart, dataEnd), {
          maxOutputLength: limit + 1,
          finishFlush: constants.Z_SYNC_FLUSH,
        });
        inflated += out.length;
        if (out.length > limit) return { ok: false, inflated };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return { ok: false, inflated: limit };
        // Another zlib error: a damaged stream, which pdfjs reads as far as it can.
      }
    }
    at = buf.indexOf(STREAM, dataEnd);
  }
  return { ok: true, inflated };
}
