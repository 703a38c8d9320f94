import type { DocumentFormat } from '../../shared/types';
import type { ReadErrorCode, ReadFailure } from './types';

/** A failure whose message is one line: 简体中文 first, the English in parentheses. */
export function readFailure(
  format: DocumentFormat | 'unknown',
  code: ReadErrorCode,
  chinese: string,
  english: string,
): ReadFailure {
  const line = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return { ok: false, format, code, error: `${line(chinese)}（${line(english)}）` };
}

export const MAX_BYTES = 50 * 1024 * 1024;

export function tooLarge(size: number): ReadFailure {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return readFailure(
    'unknown',
    'too_large',
    `文件过大（${mb} MB），超过 50 MB 上限`,
    `file too large: ${mb} MB, the limit is 50 MB`,
  );
}

export const emptyFile = (format: DocumentFormat | 'unknown'): ReadFailure =>
  readFailure(format, 'empty', '文件为空，没有可读的文字', 'empty file, no readable text');

export const binaryFile = (): ReadFailure =>
  readFailure(
    'unknown',
    'binary',
    '文件不是文字文档，看起来是二进制数据',
    'binary data, not a text document',
  );

export const unknownEncoding = (format: DocumentFormat): ReadFailure =>
  readFailure(
    format,
    'encoding',
    '无法识别文件的文字编码（不是 UTF-8、UTF-16 或 GBK/GB18030）',
    'unknown character encoding',
  );
