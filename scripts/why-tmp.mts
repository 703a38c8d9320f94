import { readFileSync, readdirSync } from 'node:fs';
import { processDocument } from '../src/core/pipeline';
for (const set of ['dev', 'real']) {
  const dir = `/work/shared/eval/${set}/docs`;
  for (const f of readdirSync(dir)) {
    const truth = JSON.parse(readFileSync(`/work/shared/eval/${set}/truth/${f.replace(/\.\w+$/, '.json')}`, 'utf8'));
    const r = await processDocument(readFileSync(`${dir}/${f}`), f);
    const x = r.extraction!;
    const keys = new Set(Object.keys(truth.values));
    const rv = x.review.filter((k) => keys.has(k));
    const amb = new Set((truth.ambiguous ?? []).flatMap((a: any) => a.keys));
    const byRule = new Map<string, number>();
    for (const k of rv) {
      const rules = x.findings.filter((fi) => fi.keys.includes(k)).map((fi) => fi.rule);
      const tag = (amb.has(k) ? 'AMB ' : '') + [...new Set(rules)].join('+');
      byRule.set(tag, (byRule.get(tag) ?? 0) + 1);
    }
    console.log(set, f, keys.size, rv.length, JSON.stringify([...byRule]));
  }
}
