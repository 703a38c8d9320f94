// Numbers the report's prose states that a table also holds ("全年共受理政府信息公开申请12件"): a difference is a
// warning on the table cell.
import type { Finding, TemplateId } from '../../shared/types';

interface ProseClaim {
  re: RegExp;
  what: string;
  keys: (template: TemplateId) => string[][];
}

const CLAIMS: ProseClaim[] = [
  {
    re: /(?:收到|受理|接收|接到|新收)[^。，,；;\n\d]{0,12}?申请[^。，,；;\n\d]{0,8}?(\d+)\s*(?:件|个|条)/g,
    what: '收到申请',
    keys: (t) =>
      t === 'legacy'
        ? [['legacy.apply.received']]
        : [['apply.new.total'], ['apply.new.total', 'apply.carried_over.total']],
  },
  {
    re: /行政复议(?:案件)?[^。，,；;\n\d]{0,4}?(\d+)\s*(?:件|起|宗)/g,
    what: '行政复议',
    keys: (t) => (t === 'legacy' ? [['legacy.review.total']] : [['review.total']]),
  },
  {
    re: /行政诉讼(?:案件)?[^。，,；;\n\d]{0,4}?(\d+)\s*(?:件|起|宗)/g,
    what: '行政诉讼',
    keys: (t) =>
      t === 'legacy'
        ? [['legacy.litigation.total']]
        : [['litigation.direct.total', 'litigation.after_review.total']],
  },
];

/** Compares the figures stated in `prose` with the table values; returns warnings for differences. */
export function checkProse(
  prose: string,
  template: TemplateId,
  get: (key: string) => number | null | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const claim of CLAIMS) {
    claim.re.lastIndex = 0;
    const m = claim.re.exec(prose);
    if (!m) continue;
    const stated = Number(m[1]);
    const options = claim.keys(template).filter((keys) => keys.every((k) => get(k) !== undefined));
    if (options.length === 0) continue;
    const sums = options.map((keys) => keys.reduce((a, k) => a + (get(k) ?? 0), 0));
    if (sums.some((s) => s === stated)) continue;
    findings.push({
      rule: 'prose.table',
      severity: 'warning',
      keys: options[0]!,
      message: `正文称${claim.what} ${stated}（“${m[0].slice(0, 30)}”），表中为 ${sums[0]}`,
    });
  }
  return findings;
}
