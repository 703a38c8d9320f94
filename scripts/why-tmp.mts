import { readFileSync } from 'node:fs';
import { processDocument } from '../src/core/pipeline';
const a = await processDocument(readFileSync('../shared/eval/real/docs/p_jjp_2024.txt'), 'p_jjp_2024.txt');
const b = await processDocument(readFileSync('../shared/eval/real/docs/h_jjp_2024.html'), 'h_jjp_2024.html');
const va = new Map(a.extraction!.cells.map((c) => [c.key, c.value]));
const vb = new Map(b.extraction!.cells.map((c) => [c.key, c.value]));
for (const k of new Set([...va.keys(), ...vb.keys()]))
  if ((va.get(k) ?? null) !== (vb.get(k) ?? null)) console.log(k, va.get(k), vb.get(k));
console.log(va.size, vb.size, a.extraction!.review.length, b.extraction!.review.length, b.extraction!.review);
console.log(b.extraction!.findings.map((f) => f.rule + ' ' + f.message).join('\n'));
