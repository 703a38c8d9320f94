// A document that breaks its own arithmetic in one place: one printed cell is off, so every rule through that cell
// fails. The truth keeps the printed value and lists each failing rule under source_errors.
import { APPLICANT_COLUMNS } from '../../src/core/fields';
import type { TemplateId } from '../../src/shared/types';
import type { Random } from './random';
import { applyResultRows, ruleKeys, type RuleInstance } from './rules';
import type { Truth } from './types';
import type { Values } from './values';

export interface SourceError {
  /** The cell printed wrong. */
  key: string;
  /** Every rule through that cell, as truth `source_errors`. */
  broken: Truth['source_errors'];
}

function targets(rng: Random, template: TemplateId, values: Values, rules: RuleInstance[]): string[] {
  const totals = rules.filter((r) => r.where !== '#cumulative').map((r) => r.plus[0] ?? '');
  if (template === 'legacy') return totals.filter((k) => k !== 'legacy.apply.denied');
  const results = applyResultRows('apply.other.overdue_correction.total' in values);
  const column = rng.pick(APPLICANT_COLUMNS);
  return [
    `${rng.pick(results)}.${column}`,
    `${rng.pick(results)}.total`,
    `apply.total.${column}`,
    'apply.carried_forward.total',
    rng.pick(['review.total', 'litigation.direct.total', 'litigation.after_review.total']),
  ].filter((k) => k in values);
}

const sumOf = (keys: string[], values: Values): number =>
  Math.round(keys.reduce((s, k) => s + (values[k] ?? 0), 0) * 100) / 100;

export function injectSourceError(
  rng: Random,
  template: TemplateId,
  values: Values,
  rules: RuleInstance[],
): SourceError {
  const key = rng.pick(targets(rng, template, values, rules));
  const before = values[key] ?? 0;
  values[key] = before >= 1 && rng.chance(0.4) ? before - 1 : before + rng.int(1, 3);
  const broken = rules
    .filter((r) => ruleKeys(r).includes(key))
    .map((r) => ({
      keys: ruleKeys(r),
      why: `${r.rule} (${r.where}): ${sumOf(r.plus, values)} ≠ ${sumOf(r.minus, values)} after ${key} was printed as ${values[key]}`,
    }));
  return { key, broken };
}
