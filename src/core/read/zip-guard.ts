// Zip containers (.xlsx, .docx) are checked before a library unpacks them: every entry is inflated once with a cap
// on the total unpacked size, so a zip bomb (or sizes that lie) is refused in bounded time and memory.

import { inflateRawSync } from 'node:zlib';
import type { DocumentFormat } from '../../shared/types';
import { readFailure } from './failure';
import type { ReadFailure } from './types';

/** Unpacked size above which a workbook or document is refused; real reports unpack to a few megabytes. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export type ZipCheck =
  { ok: true; unzipped: number } | { ok: false; reason: 'bomb' | 'corrupt'; detail: string };

export interface ZipCheckOptions {
  maxBytes?: number;
  /** Called with each entry's unpacked bytes (e.g. to count a worksheet's cells); return a reason to stop. */
  inspect?: (name: string, data: Buffer) => string | null;
}

function endOfCentralDirectory(buf: Buffer): number {
  const from = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= from; at--) if (buf.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

export function checkZip(bytes: Uint8Array, opts: ZipCheckOptions = {}): ZipCheck {
  const max = opts.maxBytes ?? MAX_UNZIPPED_BYTES;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (detail: string): ZipCheck => ({ ok: false, reason: 'corrupt', detail });
  const eocd = buf.length >= 22 ? endOfCentralDirectory(buf) : -1;
  if (eocd < 0) return corrupt('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) return { ok: false, reason: 'bomb', detail: `${count} entries` };
  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return corrupt('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const packed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (packed === 0xffffffff || local === 0xffffffff) return corrupt('zip64 is not expected here');
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return corrupt('bad local header');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataAt + packed > buf.length) return corrupt(`entry ${name} runs past the end`);
    const packedData = buf.subarray(dataAt, dataAt + packed);
    let data: Buffer;
    if (method === 0) data = packedData;
    else if (method === 8) {
      try {
        data = inflateRawSync(packedData, { maxOutputLength: Math.max(1, max - total) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          return { ok: false, reason: 'bomb', detail: `unpacks to more than ${max} bytes` };
        return corrupt(`entry ${name}: ${(err as Error).message}`);
      }
    } else return corrupt(`compression method ${method}`);
    total += data.length;
    if (total > max) return { ok: false, reason: 'bomb', detail: `unpacks to more than ${max} bytes` };
    const stop = opts.inspect?.(name, data);
    if (stop) return { ok: false, reason: 'bomb', detail: stop };
  }
  return { ok: true, unzipped: total };
}

export const zipBomb = (format: DocumentFormat, detail: string): ReadFailure =>
  readFailure(
    format,
    'too_large',
    '压缩内容解压后过大，疑似压缩炸弹，已拒绝读取',
    `zip bomb refused: ${detail}`,
  );
