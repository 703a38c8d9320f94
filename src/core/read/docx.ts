// Word .docx: mammoth turns it into HTML (gridSpan → colspan, vMerge → rowspan), then the HTML path reads it.
// The zip is checked first (unpacked size, size and cell count of the main part), and images are never decoded.

import mammoth from 'mammoth';
import { readFailure } from './failure';
import { readHtmlString } from './html';
import { docxPartProblem, MAX_DOCX_UNZIPPED_BYTES, tooManyCells } from './limits';
import type { ReadResult } from './types';
import { checkZip, zipBomb } from './zip-guard';

/** Images become empty <img> elements: their bytes are never read or base64-encoded. */
const skipImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const checked = checkZip(bytes, { maxBytes: MAX_DOCX_UNZIPPED_BYTES, inspect: docxPartProblem });
  if (!checked.ok) {
    if (checked.detail === 'cells') return tooManyCells('docx');
    return checked.reason === 'bomb' && !checked.detail.startsWith('corrupt: ')
      ? zipBomb('docx', checked.detail)
      : readFailure(
          'docx',
          'corrupt',
          'Word 文档（.docx）已损坏或不完整，无法读取',
          `corrupt .docx: ${checked.detail}`,
        );
  }
  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: skipImage, externalFileAccess: false },
    );
    html = result.value;
    if (result.messages.some((m) => /cell merging may be incorrect/i.test(m.message)))
      warnings.push('Word 表格的合并单元格可能读取不准确，请核对表格（table cell merging may be incorrect）');
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return readFailure(
      'docx',
      'corrupt',
      'Word 文档（.docx）已损坏或不完整，无法读取',
      `corrupt .docx: ${detail}`,
    );
  }
  return readHtmlString(html, 'docx', undefined, warnings);
}
