// OLE2 compound files (.doc, .wps, .xls, and password-protected Office files): open the container once, tell what
// it holds, and hand the streams to the reader of that kind.

import { CFB } from '@e965/xlsx';
import { readFailure } from './failure';
import type { ReadFailure } from './types';

export interface Ole2Container {
  /** The bytes of a stream, or null when the container has none of that name. */
  stream(name: string): Buffer | null;
}

export type Ole2Kind = 'word' | 'excel' | 'encrypted' | 'other';

interface CfbEntry {
  name: string;
  type: number;
  content?: ArrayLike<number>;
}
interface CfbContainer {
  FileIndex: CfbEntry[];
  FullPaths: string[];
}

/** Throws on a broken container; the caller turns that into a per-file error. */
export function openOle2(bytes: Uint8Array): Ole2Container {
  const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    type: 'buffer',
  }) as CfbContainer;
  return {
    stream(name: string): Buffer | null {
      const entry = (CFB.find(cfb, name) as CfbEntry | null) ?? null;
      if (!entry || entry.type !== 2 || !entry.content) return null;
      const content = entry.content;
      return Buffer.isBuffer(content) ? content : Buffer.from(Array.from(content));
    },
  };
}

/** What an OLE2 container holds, by its streams. */
export function ole2Kind(container: Ole2Container): Ole2Kind {
  // A password-protected .docx/.xlsx is an OLE2 wrapper around the encrypted package.
  if (container.stream('EncryptedPackage') || container.stream('EncryptionInfo')) return 'encrypted';
  if (container.stream('WordDocument')) return 'word';
  if (container.stream('Workbook') || container.stream('Book')) return 'excel';
  return 'other';
}

export const encryptedFile = (format: 'doc' | 'wps' | 'xls' | 'unknown'): ReadFailure =>
  readFailure(
    format,
    'unsupported',
    '文件已加密（受密码保护），无法读取，请提供未加密的文件',
    'the file is password-protected',
  );

const KIND_NAMES = {
  doc: '旧版 Word 文档（.doc）',
  wps: '旧版 WPS 文字文档（.wps）',
  xls: '旧版 Excel 表格（.xls）',
  unknown: '此 Office 文件',
};

export const brokenOle2 = (format: 'doc' | 'wps' | 'xls' | 'unknown', detail: string): ReadFailure =>
  readFailure(
    format,
    'corrupt',
    `${KIND_NAMES[format]}已损坏或不完整，无法读取`,
    `corrupt OLE2 compound file: ${detail}`,
  );

export const otherOle2 = (): ReadFailure =>
  readFailure(
    'unknown',
    'unsupported',
    '不是 Word 或 Excel 文档的 Office 文件（如 PowerPoint），暂不支持',
    'OLE2 file that is neither a Word document nor an Excel workbook',
  );
