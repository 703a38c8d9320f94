import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS } from '../../../src/core/fields';
import { checkRules } from '../../../src/core/rules';
import { checkProse } from '../../../src/core/rules/prose';
import { REPORTS, reportTruth } from '../extract/fixtures';

/** Values of a real report, with the document's empty cells as 0. */
function valuesOf(stem: string): Map<string, number | null> {
  return new Map(Object.entries(reportTruth(stem).values).map(([k, v]) => [k, v ?? 0]));
}

describe('apply-table rules (2019/2021)', () => {
  it('a consistent real report breaks no rule', () => {
    expect(checkRules('2019', valuesOf(REPORTS.binhai2020))).toEqual([]);
    expect(checkRules('2021', valuesOf(REPORTS.cuidong2021))).toEqual([]);
  });

  it('one wrong cell breaks its row and column rules; the suspect and its value are located', () => {
    const values = valuesOf(REPORTS.binhai2020);
    values.set('apply.granted.natural_person', 5); // printed 2
    const findings = checkRules('2019', values);
    expect(findings.map((f) => f.rule).sort()).toEqual(['apply.results', 'apply.row_total']);
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f).toMatchObject({ suspect: 'apply.granted.natural_person', suggestion: 2 });
      expect(f.keys).toContain('apply.granted.natural_person');
    }
  });

  it('apply.balance: new + carried over = total + carried forward, per column', () => {
    const values = valuesOf(REPORTS.binhai2020);
    values.set('apply.carried_forward.research', 2);
    values.set('apply.carried_forward.total', 2);
    const rules = checkRules('2019', values).map((f) => f.rule);
    expect(rules.filter((r) => r === 'apply.balance')).toHaveLength(2);
  });

  it('the 2021 其他处理 sub-rows count in the results; the 2019 single row in a 2021 report too', () => {
    const values = valuesOf(REPORTS.cuidong2021);
    values.set('apply.other.overdue_fee.commercial', 1);
    values.set('apply.other.overdue_fee.total', 1);
    values.set('apply.total.commercial', 1);
    values.set('apply.total.total', 1);
    values.set('apply.new.commercial', 1);
    values.set('apply.new.total', 1);
    expect(checkRules('2021', values)).toEqual([]);
    const single = new Map([...values].filter(([k]) => !k.startsWith('apply.other.')));
    for (const c of APPLICANT_COLUMNS)
      single.set(`apply.other.${c}`, c === 'commercial' || c === 'total' ? 1 : 0);
    expect(checkRules('2021', single)).toEqual([]);
  });

  it('review and litigation totals', () => {
    for (const [key, rule] of [
      ['review.total', 'review.total'],
      ['litigation.direct.maintained', 'litigation.direct.total'],
      ['litigation.after_review.pending', 'litigation.after_review.total'],
    ] as const) {
      const values = valuesOf(REPORTS.binhai2020);
      values.set(key, 4);
      expect(checkRules('2019', values).map((f) => f.rule)).toEqual([rule]);
    }
  });

  it('cells the report lacks skip their rules instead of failing them', () => {
    const values = valuesOf(REPORTS.binhai2020);
    values.delete('apply.total.total');
    values.set('apply.granted.total', 7);
    const rules = checkRules('2019', values).map((f) => f.rule);
    expect(rules).toContain('apply.row_total');
    expect(rules).not.toContain('apply.balance');
  });
});

describe('legacy rules', () => {
  const consistent = (): Map<string, number | null> => {
    const v = valuesOf(REPORTS.gaobeidian2017);
    v.set('legacy.apply.closed', 12); // the report prints 10
    v.set('legacy.apply.answered', 11); // the report prints 10
    return v;
  };

  it('a consistent legacy table breaks no rule; the real report breaks closed and answered', () => {
    expect(checkRules('legacy', consistent())).toEqual([]);
    const real = checkRules('legacy', valuesOf(REPORTS.gaobeidian2017)).map((f) => f.rule);
    expect(real.sort()).toEqual(['legacy.answered', 'legacy.closed']);
  });

  for (const [key, rule, severity] of [
    ['legacy.apply.fax', 'legacy.received', 'error'],
    ['legacy.apply.denied_privacy', 'legacy.denied', 'error'],
    ['legacy.review.corrected', 'legacy.review', 'error'],
    ['legacy.litigation.corrected', 'legacy.litigation', 'error'],
    ['legacy.org.staff_part_time', 'legacy.staff', 'error'],
    ['legacy.key_areas.land', 'legacy.key_areas', 'warning'],
  ] as const) {
    it(`${rule}`, () => {
      const v = consistent();
      v.set(key, (v.get(key) ?? 0) + 1);
      const findings = checkRules('legacy', v).filter((f) => f.rule === rule);
      expect(findings).toHaveLength(1);
      expect(findings[0]!.severity).toBe(severity);
      expect(findings[0]!.keys).toContain(key);
    });
  }

  it('a province’s extra channel counts in 收到申请数 when it closes the sum', () => {
    const v = consistent();
    v.set('legacy.apply.received', 14);
    v.set('legacy.label:电子邮件申请数', 2);
    expect(checkRules('legacy', v)).toEqual([]);
  });
});

describe('prose against tables', () => {
  it('a figure the prose states differently is a warning on the table cell', () => {
    const values = valuesOf(REPORTS.binhai2020);
    const get = (k: string) => values.get(k);
    expect(checkProse('2020年，街道共接到依申请公开3件，均已按要求答复办结。', '2019', get)).toEqual([]);
    const findings = checkProse('全年共受理政府信息公开申请12件，办理行政复议1件。', '2019', get);
    expect(findings.map((f) => [f.rule, f.severity, f.keys[0]])).toEqual([
      ['prose.table', 'warning', 'apply.new.total'],
      ['prose.table', 'warning', 'review.total'],
    ]);
  });
});

describe('suspect per table', () => {
  it('a wrong apply cell is located even when the review table also fails', () => {
    const values = valuesOf(REPORTS.binhai2020);
    values.set('apply.total.natural_person', 0); // printed 3
    values.set('review.total', 2);
    const findings = checkRules('2019', values);
    const apply = findings.filter((f) => f.rule.startsWith('apply.'));
    expect(apply.length).toBeGreaterThanOrEqual(3);
    for (const f of apply) expect(f).toMatchObject({ suspect: 'apply.total.natural_person', suggestion: 3 });
    expect(findings.find((f) => f.rule === 'review.total')?.suspect).toBeUndefined();
  });
});
