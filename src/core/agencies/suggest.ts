// Which agencies of the registry may be one body: names alike once the place is left out (平潭县公安局 and
// 平潭综合实验区公安局), years that follow one another without overlapping (a renamed body), and a report of one
// that names the other in its heading. The reviewer decides; nothing is merged here.
import type { AgencySuggestion, AgencyView } from '../../shared/panel';
import { stmt, type Store } from '../store/open';
import { coreName, normalName, similarity } from './names';
import { listAgencies } from './registry';

const HEAD_CHARS = 400;
const MAX_SUGGESTIONS = 200;

function span(years: number[]): string {
  if (years.length === 0) return '无';
  return years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;
}

/** agency id → ids of agencies whose names its reports' headings print. */
function mentions(db: Store, agencies: AgencyView[]): Map<number, Set<number>> {
  const byStart = new Map<string, { name: string; id: number }[]>();
  for (const a of agencies)
    for (const n of a.names) {
      if (n.length < 4) continue;
      const key = n.slice(0, 2);
      const list = byStart.get(key) ?? [];
      list.push({ name: n, id: a.id });
      byStart.set(key, list);
    }
  const out = new Map<number, Set<number>>();
  const rows = stmt(
    db,
    `SELECT r.agency_id AS id, substr(d.text, 1, ${HEAD_CHARS}) AS head FROM reports r
     JOIN documents d ON d.sha256 = r.sha256 WHERE r.agency_id IS NOT NULL`,
  ).iterate() as IterableIterator<{ id: number; head: string }>;
  for (const r of rows) {
    const head = normalName(r.head) ?? '';
    for (let i = 0; i + 1 < head.length; i++) {
      const list = byStart.get(head.slice(i, i + 2));
      if (!list) continue;
      for (const c of list) {
        if (c.id === r.id || !head.startsWith(c.name, i)) continue;
        const set = out.get(r.id) ?? new Set<number>();
        set.add(c.id);
        out.set(r.id, set);
      }
    }
  }
  return out;
}

export function suggestAgencies(db: Store): AgencySuggestion[] {
  const agencies = listAgencies(db);
  const cores = agencies.map((a) => coreName(a.name));
  const named = mentions(db, agencies);
  const out: AgencySuggestion[] = [];
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i]!;
    for (let j = i + 1; j < agencies.length; j++) {
      const b = agencies[j]!;
      const reasons: string[] = [];
      let score = 0;
      const [ca, cb] = [cores[i]!, cores[j]!];
      if (ca === cb && ca.length >= 2) {
        score += 0.6;
        reasons.push(`名称主体相同（${ca}）`);
      } else {
        const s = similarity(ca, cb);
        if (s >= 0.5) {
          score += 0.55 * s;
          reasons.push(`名称相近（相似度 ${Math.round(s * 100)}%）`);
        }
      }
      const mentioned = named.get(a.id)?.has(b.id) || named.get(b.id)?.has(a.id);
      if (mentioned) {
        score += 0.35;
        reasons.push('一方报告标题中出现另一方名称');
      }
      if (score === 0) continue;
      const overlap = a.years.filter((y) => b.years.includes(y)).length;
      if (a.years.length > 0 && b.years.length > 0) {
        if (overlap === 0) {
          score += 0.25;
          reasons.push(`年度互补（${span(a.years)} / ${span(b.years)}）`);
        } else {
          score -= 0.15 * overlap;
          reasons.push(`${overlap} 个年度两者都有报告`);
        }
      }
      if (score >= 0.5)
        out.push({
          a: a.id,
          b: b.id,
          aName: a.name,
          bName: b.name,
          score: Math.round(score * 100) / 100,
          reasons,
        });
    }
  }
  out.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  return out.slice(0, MAX_SUGGESTIONS);
}
