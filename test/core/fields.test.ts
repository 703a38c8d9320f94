import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldOf, fieldsOf, isValidKey } from '../../src/core/fields';

const shared = join(import.meta.dirname, '../../../shared/spec/fields.json');

describe('fields', () => {
  it.skipIf(!existsSync(shared))('the bundled copy equals ../shared/spec/fields.json', () => {
    const bundled = readFileSync(join(import.meta.dirname, '../../src/core/fields/fields.json'), 'utf8');
    expect(JSON.parse(bundled)).toEqual(JSON.parse(readFileSync(shared, 'utf8')));
  });

  it('has the cells of the three templates', () => {
    expect(fieldsOf('2021')).toHaveLength(200);
    expect(fieldsOf('2019')).toHaveLength(198);
    expect(fieldsOf('legacy')).toHaveLength(71);
    expect(fieldOf('apply.new.natural_person')?.label).toBe('一、本年新收政府信息公开申请数量 | 自然人');
    expect(fieldOf('legacy.fees')?.unit).toBe('万元');
  });

  it('accepts either 其他处理 layout in 2019 and 2021 reports, and labelled legacy indicators', () => {
    expect(isValidKey('2021', 'apply.other.total')).toBe(true);
    expect(isValidKey('2019', 'apply.other.other.total')).toBe(true);
    expect(isValidKey('2019', 'active.rules.made')).toBe(false);
    expect(isValidKey('legacy', 'legacy.label:电子邮件申请数#cumulative')).toBe(true);
    expect(isValidKey('legacy', 'legacy.apply.received#cumulative')).toBe(true);
    expect(isValidKey('legacy', 'legacy.nonsense')).toBe(false);
  });
});
