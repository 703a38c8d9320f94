// Decides how every data cell is printed (the modifiers of a report) and derives what the truth must say about
// it: blank cells, rows the page garbles beyond reading (ambiguous), glued runs that only one split explains.
import { BLANKS, printNumber, unitOf } from './cells';
import type { DataItem, Form } from './forms';
import type { PrintedRow } from './layout';
import { tokensOf } from './layout';
import type { Random } from './random';
import { ruleKeys, type RuleInstance } from './rules';
import type { Page } from './shapes';
import { ambiguousRows } from './split';
import type { Modifier, Truth } from './types';
import type { Values } from './values';

export interface PrintContext {
  page: Page;
  mods: ReadonlySet<Modifier>;
  /** Arithmetic a reader may use to split glued runs; null when the document breaks it. */
  rules: RuleInstance[] | null;
  /** Keys no modifier may touch (the cell a source error changed). */
  keep: ReadonlySet<string>;
}

export interface Printed {
  rows: Map<DataItem, PrintedRow>;
  ambiguous: Truth['ambiguous'];
}

const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

interface Slot {
  item: DataItem;
  row: PrintedRow;
  table: Form['table'];
}

/** Glue sizes that join runs of two or more zero cells (`3` `00000` `3`), sometimes cutting a long run in two. */
function zeroRuns(rng: Random, texts: string[]): number[] {
  const out: number[] = [];
  let run = 0;
  const flush = (): void => {
    if (run >= 4 && rng.chance(0.3)) {
      const cut = rng.int(1, run - 1);
      out.push(cut, run - cut);
    } else if (run > 0) out.push(run);
    run = 0;
  };
  for (const t of texts) {
    if (t === '0') run++;
    else {
      flush();
      out.push(1);
    }
  }
  flush();
  return out;
}

/** Glue sizes that put 1 to 3 tokens on the row, at least one of them holding a multi-digit value among others. */
function nonzeroRuns(rng: Random, texts: string[]): number[] {
  const n = texts.length;
  for (let attempt = 0; attempt < 20; attempt++) {
    const parts = rng.int(1, Math.min(3, n - 1));
    const cuts = rng
      .sample(
        [...Array(n - 1).keys()].map((i) => i + 1),
        parts - 1,
      )
      .sort((a, b) => a - b);
    const sizes = [...cuts, n].map((c, i) => c - (i === 0 ? 0 : (cuts[i - 1] ?? 0)));
    let at = 0;
    const ok = sizes.some((s) => {
      const piece = texts.slice(at, (at += s));
      return s > 1 && piece.some((t) => /\d\d/.test(t));
    });
    if (ok) return sizes;
  }
  return [n];
}

export function printTables(rng: Random, forms: Form[], values: Values, ctx: PrintContext): Printed {
  const { mods, page } = ctx;
  const slots: Slot[] = forms.flatMap((form) =>
    form.items.flatMap((item) => {
      if (item.kind !== 'data') return [];
      const texts = item.keys.map((k) =>
        printNumber(values[k] ?? 0, {
          commas: mods.has('thousands'),
          plus: mods.has('signed') && k.endsWith('.change'),
        }),
      );
      return [{ item, row: { texts }, table: form.table }];
    }),
  );
  const touchable = (s: Slot): boolean => !s.row.glue && !s.item.keys.some((k) => ctx.keep.has(k));
  const multi = (s: Slot): boolean => s.item.keys.length > 1;
  const plain = (s: Slot): boolean => s.row.texts.every((t) => PLAIN_NUMBER.test(t));
  const ambiguous: Truth['ambiguous'] = [];

  if (page.layout === 'one_line') for (const s of slots) s.row.glue = [s.item.keys.length];
  if (mods.has('glued')) {
    const can = slots.filter(
      (s) => multi(s) && plain(s) && s.row.texts.some((t, i) => t === '0' && s.row.texts[i + 1] === '0'),
    );
    for (const [i, s] of rng.shuffle(can).entries())
      if (i === 0 || rng.chance(0.6)) s.row.glue = zeroRuns(rng, s.row.texts);
  }
  if (mods.has('glued_nonzero')) {
    const can = slots.filter(
      (s) => multi(s) && plain(s) && !s.row.glue && s.row.texts.some((t) => /\d\d/.test(t)),
    );
    for (const s of rng.sample(can, rng.int(1, 3))) s.row.glue = nonzeroRuns(rng, s.row.texts);
  }
  if (mods.has('short_row')) {
    const s = rng.sample(
      slots.filter((s) => multi(s) && touchable(s)),
      1,
    )[0];
    if (s) {
      s.row.drop = rng.int(0, s.item.keys.length - 1);
      const n = s.item.keys.length;
      ambiguous.push({ keys: [...s.item.keys], why: `row ${s.item.id} shows ${n - 1} of its ${n} cells` });
    }
  }
  if (mods.has('broken_rows')) {
    for (const s of rng.sample(slots.filter(touchable), rng.int(1, 3))) {
      const own = s.item.labels[s.item.labels.length - 1] ?? '';
      if (page.layout === 'pipes') s.row.breakAt = rng.int(0, tokensOf(s.row).length - 1);
      else if (own.length >= 8) s.row.breakAt = rng.int(3, own.length - 3);
    }
  }
  // Cell-level modifiers, never inside glued or dropped cells.
  const cells = slots.flatMap((s) =>
    touchable(s) ? s.item.keys.map((key, i) => ({ s, i, key })).filter((c) => c.i !== c.s.row.drop) : [],
  );
  const isZero = (c: (typeof cells)[number]): boolean => c.s.row.texts[c.i] === '0';
  if (mods.has('typo_00'))
    for (const c of rng.sample(cells.filter(isZero), rng.int(1, 3))) c.s.row.texts[c.i] = '00';
  if (mods.has('blanks')) {
    const markers = BLANKS.filter(([m]) => m !== '' || page.layout === 'pipes' || page.lineStyle === '002');
    for (const c of rng.sample(cells.filter(isZero), rng.int(1, 5))) {
      // An empty first or last cell cannot be told from the padding beside a row: such pages print a mark there.
      const edge = c.i === 0 || c.i === c.s.item.keys.length - 1;
      const [mark, meaning] = rng.pick(edge ? markers.filter(([m]) => m !== '') : markers);
      c.s.row.texts[c.i] = mark;
      values[c.key] = meaning;
    }
  }
  if (mods.has('units')) {
    const numeric = cells.filter((c) => PLAIN_NUMBER.test((c.s.row.texts[c.i] ?? '').replace(/,/g, '')));
    const nonzero = numeric.filter((c) => !isZero(c));
    for (const c of rng.sample(nonzero.length > 0 ? nonzero : numeric, rng.int(1, 4))) {
      const decimal = (c.s.row.texts[c.i] ?? '').includes('.');
      const legacyUnit = c.s.table === 'legacy' ? c.s.item.labels[1] : undefined;
      c.s.row.texts[c.i] += unitOf(c.key, decimal, legacyUnit);
    }
  }

  // A reader cannot lean on arithmetic through a short row: which of its cells is missing is unknown.
  const unknown = new Set(slots.filter((s) => s.row.drop !== undefined).flatMap((s) => s.item.keys));
  const usable = ctx.rules?.filter((r) => !ruleKeys(r).some((k) => unknown.has(k))) ?? null;
  const glued = slots.filter((s) => s.row.glue);
  const split = ambiguousRows(
    glued.map((s) => ({ keys: s.item.keys, tokens: tokensOf(s.row) })),
    values,
    usable,
  );
  for (const i of split) {
    const s = glued[i];
    if (s)
      ambiguous.push({
        keys: [...s.item.keys],
        why: `row ${s.item.id}: printed ${tokensOf(s.row).join(' ')} splits into ${s.item.keys.length} cells in more than one way`,
      });
  }
  return { rows: new Map(slots.map((s) => [s.item, s.row])), ambiguous };
}
