import { describe, expect, it } from 'vitest';
import { fieldsOf, TEMPLATE_IDS } from '../../../src/core/fields';
import { harmonisedKeys } from '../../../src/core/export/harmonise';
import { MAX_NAME, variableName, variableNames } from '../../../src/core/export/names';
import { inertText } from '../../../src/core/export/inert';
import { csvField } from '../../../src/core/export/csv';

describe('variable names for Stata, R and pandas', () => {
  it('keep short keys readable and shorten long ones', () => {
    expect(variableName('active.rules.new_made')).toBe('active_rules_new_made');
    expect(variableName('apply.not_processed.publication.natural_person')).toBe('apply_notproc_publ_person');
    expect(variableName('legacy.apply.received#cumulative')).toBe('legacy_apply_received_cum');
    expect(variableName('legacy.label:依申请公开信息目录数')).toMatch(/^legacy_label_[0-9a-f]{8}$/);
  });

  it('are valid, at most 32 characters and unique in every wide and harmonised sheet', () => {
    const sheets = [...TEMPLATE_IDS.map((t) => fieldsOf(t).map((f) => f.key)), harmonisedKeys()];
    for (const keys of sheets) {
      const names = variableNames(keys, ['report_id', 'agency', 'year', 'template', 'status', 'published']);
      for (const n of names) {
        expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
        expect(n.length).toBeLessThanOrEqual(MAX_NAME);
      }
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    }
  });

  it('never clash with the sheet’s own columns, whatever the case', () => {
    expect(variableNames(['year'], ['YEAR'])[0]).not.toBe('year');
  });
});

describe('formula-like text in CSV and XLSX', () => {
  it('is written with a leading apostrophe', () => {
    for (const s of ['=HYPERLINK("http://x","点我")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(inertText(s)).toBe(`'${s}`);
    expect(inertText('兰亭街道')).toBe('兰亭街道');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('=A1,"B"')).toBe('"\'=A1,""B"""');
    expect(csvField(-3)).toBe('-3');
  });
});
