// Building blocks for store tests: a temporary database file and a consistent 2021-format extraction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extraction } from '../../../src/shared/types';
import { fieldsOf } from '../../../src/core/fields';
import { checkRules } from '../../../src/core/rules';

export function tempDir(prefix = 'nianbao-store-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A 2021-format extraction with every cell of the template: 0 unless `values` says otherwise. The findings are
 * those of the real rules, so an inconsistent `values` gives real error findings.
 */
export function extraction2021(values: Record<string, number> = {}, agency = '测试街道办事处'): Extraction {
  const cells = fieldsOf('2021').map((f, i) => {
    const value = values[f.key] ?? 0;
    return {
      key: f.key,
      raw: String(value),
      value,
      how: 'clean' as const,
      span: { start: i * 4, end: i * 4 + String(value).length },
    };
  });
  const findings = checkRules('2021', Object.fromEntries(cells.map((c) => [c.key, c.value])));
  return {
    template: '2021',
    meta: { agency, year: 2021, published: '2022-01-20' },
    tables: [],
    cells,
    findings,
    review: [...new Set(findings.flatMap((f) => f.keys))],
  };
}

/** Values of a consistent apply table: `n` new natural-person requests, all granted. */
export function granted(n: number): Record<string, number> {
  return {
    'apply.new.natural_person': n,
    'apply.new.total': n,
    'apply.granted.natural_person': n,
    'apply.granted.total': n,
    'apply.total.natural_person': n,
    'apply.total.total': n,
  };
}

import { createHash } from 'node:crypto';
import type { ImportedFile } from '../../../src/core/store';
import { EXTRACTOR_VERSION } from '../../../src/core/extract/version';

/** A file as the library hands it to the store: `text` is both its bytes and its document text. */
export function fileOf(
  path: string,
  text: string,
  extraction: Extraction | null,
  version = EXTRACTOR_VERSION,
): ImportedFile {
  return {
    path,
    size: Buffer.byteLength(text),
    mtimeMs: 1_700_000_000_000,
    sha256: createHash('sha256').update(text).digest('hex'),
    parserVersion: version,
    content: {
      format: 'text',
      text,
      encoding: 'utf-8',
      warnings: [],
      extraction,
      error: extraction ? null : '无法识别的文件 (test)',
    },
  };
}
