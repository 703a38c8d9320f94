// Checks that sheets read back from an export hold exactly the given reports, shape by shape. The expectations are
// computed here from the reports and the field definitions, not with the export's own shape code.
import { expect } from 'vitest';
import { APPLICANT_COLUMNS, fieldOf, fieldsOf, TEMPLATE_IDS } from '../../../src/core/fields';
import type { ReportCells } from '../../../src/core/export/types';
import { variableName } from '../../../src/core/export/names';
import { harmonisedKeys } from '../../../src/core/export/harmonise';
import type { Record_, Value } from './read-back';

type Sheets = Map<string, { columns: string[]; rows: Record_[] }>;

function sheet(sheets: Sheets, name: string): Record_[] {
  const found = sheets.get(name);
  if (!found) throw new Error(`sheet ${name} missing; have ${[...sheets.keys()].join(', ')}`);
  return found.rows;
}

function byReport(rows: Record_[]): Map<number, Record_[]> {
  const map = new Map<number, Record_[]>();
  for (const row of rows) {
    const id = row.report_id as number;
    map.set(id, [...(map.get(id) ?? []), row]);
  }
  return map;
}

function expectReportColumns(row: Record_, { report }: ReportCells, withStatus: boolean): void {
  expect(row.agency).toBe(report.agency);
  expect(row.agency_id ?? null).toBe(report.agencyId);
  expect(row.year).toBe(report.year);
  expect(row.template).toBe(report.template);
  if (withStatus) expect(row.status).toBe(report.status);
  else expect(row).not.toHaveProperty('status');
}

export function expectLong(sheets: Sheets, reports: readonly ReportCells[], withStatus: boolean): void {
  const rows = byReport(sheet(sheets, 'long'));
  expect([...rows.keys()].sort()).toEqual(reports.map((r) => r.report.id).sort());
  for (const r of reports) {
    const got = rows.get(r.report.id) ?? [];
    expect(got).toHaveLength(r.cells.length);
    const cells = new Map(got.map((row) => [row.key as string, row]));
    for (const cell of r.cells) {
      const row = cells.get(cell.key);
      expect(row, cell.key).toBeDefined();
      if (!row) continue;
      expectReportColumns(row, r, withStatus);
      expect([row.value, row.extracted_value, row.edited], cell.key).toEqual([
        cell.value,
        cell.extracted,
        cell.edited,
      ]);
      const field = fieldOf(cell.key, r.report.template === 'unknown' ? undefined : r.report.template);
      if (field && field.template !== 'legacy') {
        const joiner = field.label.includes(' | ') ? ' | ' : ' ';
        expect(`${String(row.row)}${joiner}${String(row.column)}`).toBe(field.label);
        expect(row.table).toBe(field.table);
      } else if (field) {
        expect([row.table, row.row, row.column]).toEqual(['legacy', field.label, null]);
      }
    }
  }
}

export function expectWide(sheets: Sheets, reports: readonly ReportCells[], withStatus: boolean): void {
  for (const template of TEMPLATE_IDS) {
    const ofTemplate = reports.filter((r) => r.report.template === template);
    if (ofTemplate.length === 0) {
      expect(sheets.has(`wide-${template}`)).toBe(false);
      continue;
    }
    const { columns, rows } = sheets.get(`wide-${template}`) ?? { columns: [], rows: [] };
    for (const f of fieldsOf(template)) expect(columns).toContain(variableName(f.key));
    expectSafeNames(columns);
    expect(rows.map((row) => row.report_id)).toEqual(ofTemplate.map((r) => r.report.id));
    for (const [i, r] of ofTemplate.entries()) {
      const row = rows[i] as Record_;
      expectReportColumns(row, r, withStatus);
      expect(row.published).toBe(r.report.published);
      const values = new Map(r.cells.map((c) => [c.key, c.value]));
      for (const [key, value] of values) {
        expect(columns, key).toContain(variableName(key));
        expect(row[variableName(key)], `${r.report.id} ${key}`).toBe(value);
      }
    }
  }
}

export function expectReports(sheets: Sheets, reports: readonly ReportCells[]): void {
  const rows = sheet(sheets, 'reports');
  expect(rows).toHaveLength(reports.length);
  for (const [i, { report }] of reports.entries()) {
    const row = rows[i] as Record_;
    expect(row).toMatchObject({
      report_id: report.id,
      file: report.file,
      sha256: report.sha256,
      template: report.template,
      agency: report.agency,
      agency_id: report.agencyId,
      year: report.year,
      published: report.published,
      status: report.status,
      reviewer: report.reviewer,
      verified_at: report.verifiedAt,
      edits: report.edits,
      waived_findings: report.waived.length,
    });
    for (const w of report.waived) {
      expect(String(row.waived_notes)).toContain(w.rule);
      if (w.note) expect(String(row.waived_notes)).toContain(w.note);
    }
  }
}

/** Names Stata, R and pandas accept as they are: letters, digits, underscores, ≤ 32 characters, unique. */
export function expectSafeNames(columns: readonly string[]): void {
  for (const c of columns) expect(c).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
  expect(new Set(columns.map((c) => c.toLowerCase())).size).toBe(columns.length);
}

export function expectCodebook(sheets: Sheets): void {
  const rows = sheet(sheets, 'codebook');
  for (const row of rows) expect(row.variable).toBe(variableName(row.key as string));
  const keys = new Set(TEMPLATE_IDS.flatMap((t) => fieldsOf(t).map((f) => f.key)));
  expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort());
  for (const row of rows) {
    const templates = String(row.templates).split(',');
    const field = fieldOf(row.key as string, templates[0] as 'legacy');
    expect(field?.label).toBe(row.label);
    for (const t of TEMPLATE_IDS) {
      expect(templates.includes(t), `${String(row.key)} ${t}`).toBe(
        fieldsOf(t).some((f) => f.key === row.key),
      );
    }
  }
  const fee = rows.find((r) => r.key === 'active.fees.amount');
  expect(fee?.unit).toBe('万元');
  expect(rows.find((r) => r.key === 'apply.new.total')).toMatchObject({
    row: '一、本年新收政府信息公开申请数量',
    column: '总计',
    unit: '件',
    templates: '2021,2019',
    harmonised: 'both',
  });
  expect(rows.find((r) => r.key === 'apply.other.overdue_fee.total')?.sums_into).toBe('apply.other.total');
}

export function expectHarmonised(sheets: Sheets, reports: readonly ReportCells[], withStatus: boolean): void {
  const { columns, rows } = sheets.get('harmonised') ?? { columns: [], rows: [] };
  const panel = reports.filter((r) => r.report.template === '2019' || r.report.template === '2021');
  expect(rows.map((r) => r.report_id)).toEqual(panel.map((r) => r.report.id));
  for (const key of ['active.rules.made', 'active.rules.new_made', 'apply.other.total']) {
    expect(columns).toContain(variableName(key));
  }
  expect(columns).toContain('active_rules_new_made');
  expectSafeNames(columns);
  for (const [i, r] of panel.entries()) {
    const row = rows[i] as Record_;
    expectReportColumns(row, r, withStatus);
    const values = new Map(r.cells.map((c) => [c.key, c.value]));
    for (const column of harmonisedKeys()) {
      const single = /^apply\.other\.([a-z_]+)$/.exec(column)?.[1];
      let expected: Value = values.get(column) ?? null;
      if (single && APPLICANT_COLUMNS.includes(single as 'total') && expected === null) {
        const parts = ['overdue_correction', 'overdue_fee', 'other']
          .map((sub) => values.get(`apply.other.${sub}.${single}`))
          .filter((v): v is number => typeof v === 'number');
        expected = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
      }
      expect(row[variableName(column)], `${r.report.id} ${column}`).toBe(expected);
    }
  }
}
