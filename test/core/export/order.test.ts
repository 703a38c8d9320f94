// Cells of a report come out in the printed order of its form, each cumulative value right after its base.
import { expect, it } from 'vitest';
import { sortCells } from '../../../src/core/export/shapes';
import { fieldsOf } from '../../../src/core/fields';

const cell = (key: string) => ({ key, value: 1, extracted: 1, edited: false });

it('sorts a legacy report: canonical keys in printed order, then printed labels, cumulatives after their base', () => {
  const keys = [
    'legacy.label:电子邮件申请数#cumulative',
    'legacy.apply.received#cumulative',
    'legacy.label:电子邮件申请数',
    'legacy.apply.in_person',
    'legacy.label:移动客户端公开政府信息数',
    'legacy.apply.received',
    'legacy.active.total',
  ];
  expect(sortCells('legacy', keys.map(cell)).map((c) => c.key)).toEqual([
    'legacy.active.total',
    'legacy.apply.received',
    'legacy.apply.received#cumulative',
    'legacy.apply.in_person',
    'legacy.label:电子邮件申请数',
    'legacy.label:电子邮件申请数#cumulative',
    'legacy.label:移动客户端公开政府信息数',
  ]);
});

it('keeps the printed order of a whole 2021 form whatever the input order', () => {
  const printed = fieldsOf('2021').map((f) => f.key);
  const shuffled = [...printed].sort();
  expect(sortCells('2021', shuffled.map(cell)).map((c) => c.key)).toEqual(printed);
});
