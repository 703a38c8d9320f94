// Which shapes a report shows: one layout, then modifiers that fit the template and the layout.
import type { TemplateId } from '../../src/shared/types';
import type { Random } from './random';
import type { Layout, Modifier, ShapeName } from './types';

export const LAYOUTS: readonly Layout[] = ['pipes', 'cell_per_line', 'one_line'];
export const MODIFIERS: readonly Modifier[] = [
  'broken_rows',
  'short_row',
  'blanks',
  'typo_00',
  'units',
  'decimals',
  'signed',
  'thousands',
  'glued',
  'glued_nonzero',
  'fullwidth',
  'nbsp_zero_width',
  'source_error',
  'fujian',
];
export const SHAPES: readonly ShapeName[] = [...LAYOUTS, ...MODIFIERS];

/** `004`: one cell per line with blank lines between; `002`: one cell per line, each ending in ` |`. */
export type LineStyle = '004' | '002';

export interface Page {
  template: TemplateId;
  layout: Layout;
  lineStyle: LineStyle;
}

/** Modifiers a one-line page can show: it has no separators left, so no blanks, units or commas either. */
const ONE_LINE: readonly Modifier[] = [
  'decimals',
  'signed',
  'fullwidth',
  'nbsp_zero_width',
  'source_error',
  'fujian',
];

export function fits(mod: Modifier, page: Page): boolean {
  if (page.layout === 'one_line' && !ONE_LINE.includes(mod)) return false;
  switch (mod) {
    case 'signed':
      return page.template === '2019';
    case 'fujian':
      return page.template === 'legacy' && page.layout === 'one_line';
    case 'glued':
    case 'glued_nonzero':
      return page.template !== 'legacy' && page.layout === 'cell_per_line' && page.lineStyle === '004';
    case 'broken_rows':
      return page.layout === 'pipes' || (page.template !== 'legacy' && page.lineStyle === '004');
    default:
      return true;
  }
}

export function shapeFits(shape: ShapeName, template: TemplateId): boolean {
  if ((LAYOUTS as readonly string[]).includes(shape)) return true;
  return pages(template).some((p) => fits(shape as Modifier, p));
}

function pages(template: TemplateId): Page[] {
  return LAYOUTS.flatMap((layout) =>
    (['004', '002'] as const).map((lineStyle) => ({ template, layout, lineStyle })),
  );
}

/** Picks the page layout and the modifiers; `shape` is always among them when it fits the template. */
export function chooseShapes(
  rng: Random,
  template: TemplateId,
  shape: ShapeName | undefined,
  mix: boolean,
): { page: Page; mods: Set<Modifier> } {
  const forcedLayout = (LAYOUTS as readonly string[]).includes(shape ?? '') ? (shape as Layout) : undefined;
  const forcedMod = shape !== undefined && forcedLayout === undefined ? (shape as Modifier) : undefined;
  if (shape !== undefined && !shapeFits(shape, template))
    throw new Error(`shape ${shape} does not occur in ${template} reports`);
  const candidates = pages(template).filter(
    (p) => (forcedLayout === undefined || p.layout === forcedLayout) && (!forcedMod || fits(forcedMod, p)),
  );
  const weight = (p: Page): number =>
    (p.layout === 'pipes' ? 4 : p.layout === 'cell_per_line' ? 3 : 1) * (p.lineStyle === '004' ? 2 : 1);
  const page = rng.weighted(candidates.map((p) => [p, weight(p)] as const));
  const mods = new Set<Modifier>(forcedMod ? [forcedMod] : []);
  if (mix && !mods.has('fujian')) {
    const extra = rng.weighted([
      [0, 3],
      [1, 4],
      [2, 2],
      [3, 1],
    ] as const);
    for (const m of rng.sample(
      MODIFIERS.filter((m) => m !== 'fujian' && fits(m, page)),
      extra,
    ))
      mods.add(m);
  }
  return { page, mods };
}
