// Agency names as printed: one normal form for lookup, the part that says what the body does (公安局 of
// 平潭县公安局 and 平潭综合实验区公安局), and how alike two names are.

/** The lookup form of a printed name: NFKC, no whitespace, no brackets' padding. Empty names give null. */
export function normalName(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = name.normalize('NFKC').replace(/[\s\u200b\u00a0\ufeff]+/g, '');
  return n.length > 0 ? n : null;
}

// Place prefixes: a province, city, county or district, or an experimental zone, before the body's own name.
const PLACE =
  /^(?:.{1,8}?(?:省|自治区|特别行政区))?(?:.{1,8}?(?:市|自治州|地区|盟))?(?:.{1,10}?(?:综合实验区|实验区|新区|开发区|县|区|旗))?/u;

/** What the body is, without the place it is in: 平潭综合实验区市场监督管理局 → 市场监督管理局. */
export function coreName(name: string): string {
  const n = normalName(name) ?? '';
  const rest = n.replace(PLACE, '');
  // A name that is all place (平潭县人民政府 → 人民政府) keeps it: the place is what tells it apart.
  return rest.length >= 2 ? rest : n;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  const chars = [...s];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of character bigrams, 0…1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  let total = 0;
  for (const [g, n] of x) {
    both += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * both) / total;
}

/** The longest common run of characters at the end of both names (机关 kinds: 局, 委员会, 办公室). */
export function commonSuffix(a: string, b: string): string {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return x.slice(x.length - n).join('');
}

const YEAR_IN_NAME = /((?:19|20)\d{2})\s*年/u;

/** The year a file name states (`…2019年政府信息公开工作年度报告.pdf`), for files that could not be read. */
export function yearFromPath(path: string): number | null {
  const base = path.split(/[\\/]/).slice(-2).join('/');
  const m = YEAR_IN_NAME.exec(base) ?? /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/u.exec(base);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2100 ? y : null;
}
