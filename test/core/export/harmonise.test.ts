// The harmonised view's decisions (README.md (Exporting datasets)), pinned: what lines up across the 2019 and 2021 formats.
import { describe, expect, it } from 'vitest';
import { codebookEntries, splitLabel, unitOf } from '../../../src/core/export/codebook';
import { harmonisedIn, harmonisedKeys, harmoniseValues } from '../../../src/core/export/harmonise';
import { fieldsOf } from '../../../src/core/fields';

describe('harmonised keys', () => {
  const keys = harmonisedKeys();

  it('hold every 2019 and 2021 key once, and no legacy key', () => {
    const expected = new Set([...fieldsOf('2019'), ...fieldsOf('2021')].map((f) => f.key));
    expect(new Set(keys)).toEqual(expected);
    expect(keys).toHaveLength(expected.size);
    expect(harmonisedIn('legacy.apply.received')).toBeUndefined();
  });

  it('line up same-meaning keys and keep look-alikes apart', () => {
    expect(harmonisedIn('active.licensing.decisions')).toBe('both');
    expect(harmonisedIn('apply.denied.state_secret.total')).toBe('both');
    expect(harmonisedIn('review.total')).toBe('both');
    expect(harmonisedIn('apply.other.total')).toBe('both');
    expect(harmonisedIn('active.rules.new_made')).toBe('2019');
    expect(harmonisedIn('active.rules.made')).toBe('2021');
    expect(harmonisedIn('active.normative_docs.in_force')).toBe('2021');
    expect(harmonisedIn('apply.other.overdue_fee.total')).toBe('2021');
  });

  it('put the single other-row right before its 2021 sub-rows', () => {
    const at = keys.indexOf('apply.other.total');
    expect(keys[at + 1]).toBe('apply.other.overdue_correction.natural_person');
  });

  it('sum the three 2021 sub-rows into the 2019 row, or take the kept row', () => {
    const sum = harmoniseValues(
      ['apply.other.natural_person', 'apply.other.total'],
      new Map<string, number | null>([
        ['apply.other.overdue_correction.natural_person', 1],
        ['apply.other.overdue_fee.natural_person', 2],
        ['apply.other.other.natural_person', null],
      ]),
    );
    expect(sum).toEqual({ values: [3, null], otherFrom: 'sum' });
    const kept = harmoniseValues(['apply.other.total'], new Map([['apply.other.total', 5]]));
    expect(kept).toEqual({ values: [5], otherFrom: 'row' });
  });
});

describe('codebook', () => {
  it('splits labels into row and column', () => {
    expect(splitLabel({ label: '一、本年新收政府信息公开申请数量 | 自然人', template: '2021' })).toEqual({
      row: '一、本年新收政府信息公开申请数量',
      column: '自然人',
    });
    expect(splitLabel({ label: '行政诉讼 未经复议直接起诉 结果维持', template: '2019' })).toEqual({
      row: '行政诉讼 未经复议直接起诉',
      column: '结果维持',
    });
    expect(splitLabel({ label: '三、依申请公开情况 （一）收到申请数', template: 'legacy' })).toEqual({
      row: '三、依申请公开情况 （一）收到申请数',
      column: '',
    });
  });

  it('gives units from the field, the label or the kind of count', () => {
    const unit = (key: string) => codebookEntries().find((e) => e.key === key)?.unit;
    expect(unit('active.fees.amount')).toBe('万元');
    expect(unit('legacy.org.budget')).toBe('万元');
    expect(unit('legacy.org.staff')).toBe('人');
    expect(unit('active.licensing.change')).toBe('项');
    expect(unit('apply.new.total')).toBe('件');
    expect(
      unitOf({ key: 'active.procurement.amount', label: '第二十条第（九）项 政府集中采购 | 采购总金额' }),
    ).toBe('');
  });

  it('has one entry per canonical key', () => {
    const keys = codebookEntries().map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
