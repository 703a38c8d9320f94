// Reports for the export tests: Chinese agency names with a comma, quotes and a newline, an edited cell, a negative
// 本年增/减, a decimal 万元 amount, a 2021 report with the three other-processing sub-rows, one that kept the single
// 2019 row, a legacy report with printed-label and cumulative keys, and an unverified report.
import { APPLICANT_COLUMNS, fieldsOf } from '../../../src/core/fields';
import type { ExportCell, ExportReport, ReportCells } from '../../../src/core/export/types';
import type { TemplateId } from '../../../src/shared/types';

function report(id: number, template: TemplateId, over: Partial<ExportReport>): ExportReport {
  return {
    id,
    file: `reports/${id}.txt`,
    sha256: `${id}`.padStart(64, 'a'),
    template,
    agency: null,
    agencyId: null,
    year: null,
    published: null,
    status: 'verified',
    reviewer: '张三',
    verifiedAt: '2026-11-20T08:00:00.000Z',
    edits: 0,
    waived: [],
    ...over,
  };
}

/** Every canonical key of a template with a value derived from the report id and the key's position. */
function cells(
  template: TemplateId,
  id: number,
  overrides: Record<string, number | null> = {},
): ExportCell[] {
  return fieldsOf(template).map((f, i) => {
    const value = f.key in overrides ? (overrides[f.key] ?? null) : (id * 7 + i) % 13;
    return { key: f.key, value, extracted: value, edited: false };
  });
}

function edit(list: ExportCell[], key: string, value: number | null): ExportCell[] {
  return list.map((c) => (c.key === key ? { ...c, value, edited: true } : c));
}

export const AGENCY_TRICKY = '崔东街道办事处, "平山区"\n（第二行）';

export function exportFixtures(): ReportCells[] {
  const r2021 = report(1, '2021', {
    agency: AGENCY_TRICKY,
    year: 2021,
    published: '2022-01-25',
    edits: 1,
    waived: [{ rule: 'apply.balance', keys: ['apply.new.total'], note: '原文如此，已核对“原件”' }],
  });
  const c2021 = edit(
    cells('2021', 1, {
      'active.fees.amount': 12.35,
      'apply.other.overdue_fee.natural_person': 4,
      'review.pending': null,
    }),
    'apply.new.natural_person',
    21,
  );

  const r2019 = report(2, '2019', { agency: '兰亭街道', year: 2020, published: '2021-01-25' });
  const c2019 = cells('2019', 2, {
    'active.licensing.change': -3,
    'active.procurement.amount': 11840.5,
    'apply.other.natural_person': 6,
  });

  // A 2021-format report that kept the single （六）其他处理 row of 2019.
  const rKept = report(3, '2021', { agency: '永城市行政审批和政务信息管理局', year: 2023 });
  const cKept = [
    ...cells('2021', 3).filter((c) => !c.key.startsWith('apply.other.')),
    ...APPLICANT_COLUMNS.map((col, i) => ({
      key: `apply.other.${col}`,
      value: i,
      extracted: i,
      edited: false,
    })),
  ];

  const rLegacy = report(4, 'legacy', { agency: '高碑店乡', year: 2017 });
  const cLegacy = [
    ...cells('legacy', 4, { 'legacy.fees': 0.25 }),
    { key: 'legacy.apply.received#cumulative', value: 120, extracted: 120, edited: false },
    { key: 'legacy.label:电子邮件申请数', value: 2, extracted: 2, edited: false },
  ];

  const rOpen = report(5, '2019', {
    agency: '滨海街道',
    year: 2020,
    status: 'needs_review',
    reviewer: null,
    verifiedAt: null,
  });
  return [
    { report: r2021, cells: c2021 },
    { report: r2019, cells: c2019 },
    { report: rKept, cells: cKept },
    { report: rLegacy, cells: cLegacy },
    { report: rOpen, cells: cells('2019', 5) },
  ];
}
