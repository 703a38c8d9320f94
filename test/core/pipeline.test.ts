// Bytes to extraction through the real reader: HTML (UTF-8 and GBK), truncated HTML and DOCX built from real reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../src/core/pipeline';
import { REPORTS, reportTruth, score } from './extract/fixtures';

const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '../fixtures/read', name));

describe('processDocument', () => {
  for (const [file, stem] of [
    ['report-000-2021.html', REPORTS.cuidong2021],
    ['report-001-2019-gbk.html', REPORTS.binhai2020],
    ['report-001-2019.docx', REPORTS.binhai2020],
  ] as const) {
    it(`${file}: every cell right or in review, metadata right`, async () => {
      const { read, extraction } = await processDocument(fixture(file), file);
      expect(read.ok).toBe(true);
      const truth = reportTruth(stem);
      const result = score(extraction!, truth);
      expect(result.silent).toEqual([]);
      expect(extraction!.template).toBe(truth.template);
      expect(extraction!.meta.year).toBe(truth.meta.year);
      expect(extraction!.meta.agency).toContain(truth.meta.agency.slice(0, 2));
      const agency = extraction!.meta.agency!;
      expect(agency.includes(truth.meta.agency) || truth.meta.agency.includes(agency)).toBe(true);
    });
  }

  it('a truncated page still gives what it holds, the rest in review', async () => {
    const { extraction } = await processDocument(
      fixture('report-000-truncated.html'),
      'report-000-truncated.html',
    );
    expect(score(extraction!, reportTruth(REPORTS.cuidong2021)).silent).toEqual([]);
  });

  it('a PDF with a text layer is read and extracted; a broken one is refused with a clear message', async () => {
    const pdfDir = join(import.meta.dirname, '../fixtures/read/pdf');
    const { read, extraction } = await processDocument(
      readFileSync(join(pdfDir, 'hongze_2023.pdf')),
      'hongze_2023.pdf',
    );
    expect(read.ok && read.format).toBe('pdf');
    expect(extraction!.template).toBe('2021');
    const broken = await processDocument(readFileSync(join(pdfDir, 'truncated.pdf')), 'truncated.pdf');
    expect(broken.extraction).toBeNull();
    expect(!broken.read.ok && broken.read.error).toContain('PDF');
  });
});
