// The table's own arithmetic, read from its layout: a row followed by items numbered 1, 2, 3 … (or (一)(二)…) is
// their total (`受理…总数 其中：1.当面申请数 2.网上申请数 …`). Rows under an unnumbered 其中 are parts, not a
// partition, and give no rule.
import type { SumRule } from '../../rules/definitions';

type Kind = 'cn' | 'paren' | 'arabic' | 'none';
const DEPTH: Record<Kind, number> = { cn: 0, paren: 1, arabic: 2, none: 3 };

const CN_DIGITS = '一二三四五六七八九十';

function cnNumber(s: string): number {
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + CN_DIGITS.indexOf(s[1]!) + 1;
  return CN_DIGITS.indexOf(s[0]!) + 1;
}

interface Numbered {
  kind: Kind;
  n: number;
  /** Starts with 其中. */
  within: boolean;
}

function numbering(label: string): Numbered {
  const s = label.normalize('NFKC').replace(/\s+/g, '');
  const within = /^其中/.test(s);
  const rest = s.replace(/^其中[:：]?/, '');
  let m: RegExpExecArray | null;
  if ((m = /^([一二三四五六七八九十]{1,2})[、.]/.exec(rest)))
    return { kind: 'cn', n: cnNumber(m[1]!), within };
  if ((m = /^[(（]([一二三四五六七八九十]{1,2})[)）]/.exec(rest)))
    return { kind: 'paren', n: cnNumber(m[1]!), within };
  if ((m = /^(\d{1,2})[.、]/.exec(rest))) return { kind: 'arabic', n: Number(m[1]), within };
  return { kind: 'none', n: 0, within };
}

export interface LaidOutRow {
  label: string;
  /** Keys of the row's value columns (`legacy.x`, `legacy.x#cumulative`), empty for a heading row. */
  keys: string[];
}

/** One sum rule per value column for each numbered partition whose total row has values. */
export function partitionRules(rows: LaidOutRow[]): SumRule[] {
  const numbered = rows.map((r) => numbering(r.label));
  const rules: SumRule[] = [];
  for (let p = 0; p + 1 < rows.length; p++) {
    const first = numbered[p + 1]!;
    if (first.kind === 'none' || first.n !== 1) continue;
    const parent = numbered[p]!;
    if (parent.kind !== 'none' && DEPTH[parent.kind] >= DEPTH[first.kind]) continue;
    const items: number[] = [p + 1];
    let expected = 2;
    let inSubChain = false;
    for (let i = p + 2; i < rows.length; i++) {
      const r = numbered[i]!;
      if (r.kind === first.kind) {
        if (r.n !== expected) break;
        items.push(i);
        expected++;
        inSubChain = false;
      } else if (r.kind !== 'none' && DEPTH[r.kind] > DEPTH[first.kind]) {
        continue; // a deeper item belongs to the last item
      } else if (r.kind === 'none' && (r.within || inSubChain)) {
        inSubChain = true; // 其中: … rows under the last item
      } else break;
    }
    if (items.length < 2) continue;
    const parentKeys = rows[p]!.keys;
    for (let col = 0; col < parentKeys.length; col++) {
      const right = items.map((i) => rows[i]!.keys[col]).filter((k): k is string => k !== undefined);
      if (right.length !== items.length) continue;
      const total = rows[p]!.label.trim();
      rules.push({
        id: 'legacy.parts',
        severity: 'warning',
        left: [parentKeys[col]!],
        right,
        text: `「${total}」${col > 0 ? '（历年累计）' : ''} = 其下各项之和`,
      });
    }
  }
  return rules;
}
