// Canonical cell keys and labels of each template, from spec/fields.json (a copy of ../shared/spec/fields.json,
// kept identical by test/core/fields.test.ts so the packaged app does not depend on the shared folder).
import spec from './fields.json';
import type { TemplateId } from '../../shared/types';

export interface FieldDef {
  key: string;
  label: string;
  unit?: string;
  template: TemplateId;
  table: string;
  tableTitle: string;
}

interface SpecCell {
  key: string;
  label: string;
  unit?: string;
}
interface SpecTable {
  id: string;
  title: string;
  cells: SpecCell[];
}
interface Spec {
  version: number;
  meta: string[];
  templates: Record<TemplateId, { name: string; note?: string; tables: SpecTable[] }>;
}

const typed = spec as Spec;

export const TEMPLATE_IDS: readonly TemplateId[] = ['2021', '2019', 'legacy'];

/** The 7 applicant columns of the apply table, in printed order. */
export const APPLICANT_COLUMNS = [
  'natural_person',
  'commercial',
  'research',
  'social_welfare',
  'legal_service',
  'other_org',
  'total',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

export const APPLICANT_LABELS: Record<ApplicantColumn, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
  total: '总计',
};

function buildFields(template: TemplateId): FieldDef[] {
  return typed.templates[template].tables.flatMap((t) =>
    t.cells.map((c) => ({
      key: c.key,
      label: c.label,
      template,
      table: t.id,
      tableTitle: t.title,
      ...(c.unit ? { unit: c.unit } : {}),
    })),
  );
}

const byTemplate = new Map<TemplateId, FieldDef[]>(TEMPLATE_IDS.map((t) => [t, buildFields(t)]));

/** Every field of a template, in the order of the printed form. */
export function fieldsOf(template: TemplateId): readonly FieldDef[] {
  return byTemplate.get(template) ?? [];
}

const keySets = new Map<TemplateId, Set<string>>(
  TEMPLATE_IDS.map((t) => [t, new Set(fieldsOf(t).map((f) => f.key))]),
);

export function isKeyOf(template: TemplateId, key: string): boolean {
  return keySets.get(template)?.has(key) ?? false;
}

/**
 * 2021-format reports may keep the single （六）其他处理 row of 2019 (keys `apply.other.<column>`), and 2020 reports in
 * the 2019 format may print the 2021 sub-rows: both are valid in either template.
 */
export function isValidKey(template: TemplateId, key: string): boolean {
  if (isKeyOf(template, key)) return true;
  if (template === '2021' && isKeyOf('2019', key) && key.startsWith('apply.')) return true;
  // 2020 reports in the 2019 format may print the 2021 sub-rows of （六）其他处理.
  if (template === '2019' && isKeyOf('2021', key) && key.startsWith('apply.other.')) return true;
  if (template === 'legacy' && key.startsWith('legacy.label:')) return true;
  if (template === 'legacy' && key.endsWith('#cumulative')) return isValidKey(template, key.slice(0, -11));
  return false;
}

/** The field definition of a key in any template (first template that has it: 2021, 2019, legacy). */
const byKey = new Map<TemplateId, Map<string, FieldDef>>(
  TEMPLATE_IDS.map((t) => [t, new Map(fieldsOf(t).map((f) => [f.key, f]))]),
);

export function fieldOf(key: string, template?: TemplateId): FieldDef | undefined {
  const order = template ? [template, ...TEMPLATE_IDS.filter((t) => t !== template)] : TEMPLATE_IDS;
  for (const t of order) {
    const found = byKey.get(t)?.get(key);
    if (found) return found;
  }
  return undefined;
}

export const TEMPLATE_NAMES: Record<TemplateId, string> = {
  '2021': typed.templates['2021'].name,
  '2019': typed.templates['2019'].name,
  legacy: typed.templates.legacy.name,
};
