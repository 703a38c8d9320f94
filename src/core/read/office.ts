// Office files other than .docx: Word binary (.doc/.wps), Excel (.xls/.xlsx), and the formats named in a clear
// refusal (OFD, other OLE2 files).

import { readWordBinary } from './doc';
import { extensionOf } from './detect';
import { readFailure } from './failure';
import { brokenOle2, ole2Kind, openOle2, otherOle2, encryptedFile } from './ole2';
import { readWorkbook } from './sheet';
import type { ReadFailure, ReadResult } from './types';

export const ofdNotSupported = (): ReadFailure =>
  readFailure(
    'unknown',
    'unsupported',
    '暂不支持 OFD 版式文件，请提供 PDF 或网页版本',
    'OFD fixed-layout documents are not supported',
  );

/** An OLE2 compound file: Word binary, Excel binary, or an encrypted Office file. */
export async function readOle2(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const ext = extensionOf(fileName);
  const guess = ext === 'wps' ? 'wps' : ext === 'doc' ? 'doc' : ext === 'xls' ? 'xls' : 'unknown';
  let container;
  try {
    container = openOle2(bytes);
  } catch (err) {
    return brokenOle2(guess, err instanceof Error ? err.message : String(err));
  }
  switch (ole2Kind(container)) {
    case 'encrypted':
      return encryptedFile(guess);
    case 'word':
      return readWordBinary(container, ext === 'wps' ? 'wps' : 'doc');
    case 'excel':
      return readWorkbook(bytes, 'xls');
    default:
      return otherOle2();
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  return readWorkbook(bytes, 'xlsx');
}
