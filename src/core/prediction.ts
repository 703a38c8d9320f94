// The prediction file of ../shared/eval/README.md, built from an extraction.
import type { Extraction, Prediction } from '../shared/types';

export function toPrediction(file: string, extraction: Extraction): Prediction {
  const values: Record<string, number | null> = {};
  for (const cell of extraction.cells) values[cell.key] = cell.value;
  return { file, template: extraction.template, meta: extraction.meta, values, review: extraction.review };
}
