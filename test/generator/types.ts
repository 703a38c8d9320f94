import type { TemplateId } from '../../src/shared/types';

/** One truth file, in the format of ../shared/eval/dev/truth/*.json (see ../shared/eval/README.md). */
export interface Truth {
  file: string;
  template: TemplateId;
  meta: { agency: string; year: number; published: string };
  /** null: the document leaves the cell empty (0, null or no value all count as right). */
  values: Record<string, number | null>;
  /** Legacy only: the label as printed, for `legacy.label:` keys. */
  labels?: Record<string, string>;
  ambiguous: { keys: string[]; why: string }[];
  source_errors: { keys: string[]; why: string }[];
}

/** How the tables are laid out on the page. */
export type Layout = 'pipes' | 'cell_per_line' | 'one_line';

/** Shapes that change single cells or rows, on top of a layout. */
export type Modifier =
  | 'broken_rows'
  | 'short_row'
  | 'blanks'
  | 'typo_00'
  | 'units'
  | 'decimals'
  | 'signed'
  | 'thousands'
  | 'glued'
  | 'glued_nonzero'
  | 'fullwidth'
  | 'nbsp_zero_width'
  | 'source_error'
  /** Legacy only: a Fujian-style table in one line of text, spaced or with every separator lost. */
  | 'fujian';

export type ShapeName = Layout | Modifier;

export interface GenerateOptions {
  template?: TemplateId;
  /** The shape this report must show; other shapes may be mixed in unless `mix` is false. */
  shape?: ShapeName;
  /** Mix further random compatible shapes in (default true). */
  mix?: boolean;
  /** Report year; must fit the template (legacy ≤ 2018, 2019 format 2019–2020, 2021 format ≥ 2021). */
  year?: number;
}

export interface GeneratedReport {
  fileName: string;
  text: string;
  truth: Truth;
  /** Every shape the report shows: its layout first, then the modifiers. */
  shapes: ShapeName[];
  seed: number;
}
