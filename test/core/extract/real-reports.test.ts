import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract';
import { REPORTS, reportText, reportTruth, score } from './fixtures';

describe('real reports', () => {
  for (const [name, stem] of Object.entries(REPORTS)) {
    it(`${name}: every cell right or flagged, template and metadata right`, () => {
      const truth = reportTruth(stem);
      const extraction = extractReport(reportText(stem));
      const result = score(extraction, truth);
      expect(result.wrong).toEqual([]);
      expect(result.sourceErrorsUnflagged).toBe(0);
      expect(extraction.template).toBe(truth.template);
      expect(extraction.meta.year).toBe(truth.meta.year);
      expect(extraction.meta.published).toBe(truth.meta.published);
      const agency = extraction.meta.agency ?? '';
      expect(agency.includes(truth.meta.agency) || truth.meta.agency.includes(agency)).toBe(true);
      expect(agency.length).toBeGreaterThan(1);
      const keys = new Set(Object.keys(truth.values));
      expect(extraction.cells.filter((c) => !keys.has(c.key)).map((c) => c.key)).toEqual([]);
    });
  }

  it('spans point at the printed value in the original text', () => {
    const text = reportText(REPORTS.cuidong2021);
    const extraction = extractReport(text);
    const fees = extraction.cells.find((c) => c.key === 'active.fees.amount')!;
    expect(fees.value).toBe(33);
    expect(text.slice(fees.span!.start, fees.span!.end)).toBe('33');
    for (const cell of extraction.cells) {
      if (cell.span && cell.how !== 'guessed')
        expect(text.slice(cell.span.start, cell.span.end)).toBe(cell.raw);
    }
  });

  it('the glued-digit report: runs split by the row count, its own arithmetic errors flagged with a suspect', () => {
    const extraction = extractReport(reportText(REPORTS.lanting2020));
    const cell = (key: string) => extraction.cells.find((c) => c.key === key)!;
    expect(cell('apply.carried_over.research')).toMatchObject({ value: 0, how: 'split', raw: '0' });
    expect(cell('apply.denied.third_party.total')).toMatchObject({ value: 1, how: 'clean' });
    expect(cell('apply.new.total')).toMatchObject({ value: 3 });
    const rules = new Set(extraction.findings.map((f) => f.rule));
    expect(rules).toContain('apply.row_total');
    expect(rules).toContain('apply.balance');
    expect(extraction.review).toContain('apply.total.natural_person');
    expect(extraction.review).toContain('apply.denied.third_party.total');
  });

  it('a row broken over two lines that shows 6 of its 7 cells is guessed and goes to review', () => {
    const extraction = extractReport(reportText(REPORTS.cuidong2021));
    for (const col of ['natural_person', 'total']) {
      expect(extraction.review).toContain(`apply.new.${col}`);
      expect(extraction.review).toContain(`apply.carried_forward.${col}`);
    }
    expect(extraction.findings.filter((f) => f.rule === 'extract.short_row')).toHaveLength(2);
    expect(extraction.review).not.toContain('apply.granted.natural_person');
  });

  it('a legacy table: indicators mapped to keys, the report’s own errors flagged, prose agrees', () => {
    const extraction = extractReport(reportText(REPORTS.gaobeidian2017));
    const rules = extraction.findings.map((f) => f.rule);
    expect(rules).toContain('legacy.closed');
    expect(rules).toContain('legacy.answered');
    expect(rules).not.toContain('legacy.received');
    expect(rules).not.toContain('prose.table');
  });
});
