// Column names of the wide and harmonised sheets, safe for Stata, R and pandas: letters, digits and underscores,
// starting with a letter, at most 32 characters (Stata's limit), unique. `apply.new.natural_person` becomes
// `apply_new_natural_person`; long keys shorten their words (`apply_notproc_publ_person`); a key that is still too
// long, or a legacy indicator kept under its printed Chinese label, ends in a short hash of the key. The codebook
// lists each key's variable name beside its Chinese label.
import { createHash } from 'node:crypto';

export const MAX_NAME = 32;

/** Shorter words for the long segments of canonical keys, used only when a name would exceed 32 characters. */
const SHORT: Record<string, string> = {
  natural_person: 'person',
  commercial: 'comm',
  research: 'res',
  social_welfare: 'welfare',
  legal_service: 'legal',
  other_org: 'oth_org',
  normative_docs: 'norm_docs',
  total_published: 'tot_pub',
  new_published: 'new_pub',
  carried_over: 'carry_in',
  carried_forward: 'carry_out',
  state_secret: 'secret',
  law_forbidden: 'law_forbid',
  three_safety: 'safety3',
  third_party: 'third',
  internal_affairs: 'internal',
  process_info: 'process',
  enforcement_file: 'enforce',
  admin_query: 'query',
  needs_creation: 'needs_make',
  not_processed: 'notproc',
  publication: 'publ',
  overdue_correction: 'od_corr',
  overdue_fee: 'od_fee',
  after_review: 'after_rev',
  litigation: 'litig',
};

const CUMULATIVE = '#cumulative';

function hash(text: string, n: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, n);
}

function clean(s: string): string {
  return s
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** The variable name of one key (deterministic: the same key always gets the same name). */
export function variableName(key: string): string {
  const cumulative = key.endsWith(CUMULATIVE);
  const base = cumulative ? key.slice(0, -CUMULATIVE.length) : key;
  const suffix = cumulative ? '_cum' : '';
  if (base.startsWith('legacy.label:')) return `legacy_label_${hash(base, 8)}${suffix}`;
  let name = clean(base.replaceAll('.', '_'));
  if (!/^[A-Za-z]/.test(name)) name = `v_${name}`;
  if (name.length + suffix.length > MAX_NAME)
    name = clean(
      base
        .split('.')
        .map((s) => SHORT[s] ?? s)
        .join('_'),
    );
  if (name.length + suffix.length > MAX_NAME)
    name = `${name.slice(0, MAX_NAME - suffix.length - 7).replace(/_$/, '')}_${hash(base, 6)}`;
  return name + suffix;
}

/** Names for a sheet's key columns, unique among themselves and the sheet's other columns. */
export function variableNames(keys: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return keys.map((key) => {
    let name = variableName(key);
    // Stata and SAS compare names case-insensitively; a clash (never seen with the canonical keys) gets a hash.
    for (let i = 1; used.has(name.toLowerCase()); i++)
      name = `${name.slice(0, MAX_NAME - 8)}_${hash(`${key}#${i}`, 7)}`;
    used.add(name.toLowerCase());
    return name;
  });
}
