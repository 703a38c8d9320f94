// Opens a PDF with pdfjs-dist (legacy build, the one meant for Node): loaded on first use, so that reading other
// formats never pays for it; no worker thread (pdfjs runs its "fake worker" in the calling thread, which is itself
// a worker of the import pool).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<Pdfjs> | null = null;

/** The pdfjs module, imported once per thread. */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/** Images larger than this many pixels are skipped by pdfjs (a huge declared image cannot exhaust memory). */
export const MAX_IMAGE_PIXELS = 40_000_000;

function assetDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // pdfjs reads these with the file system in Node; it wants folder paths ending in a separator.
  const dir = (name: string): string => join(root, name) + '/';
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
}

export interface OpenedPdf {
  task: PDFDocumentLoadingTask;
  doc: PDFDocumentProxy;
}

/** Opens the document; rejects with pdfjs's own exceptions (PasswordException, InvalidPDFException, …). */
export async function openPdf(bytes: Uint8Array): Promise<OpenedPdf> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // pdfjs may take ownership of the buffer: give it a copy so the caller's bytes stay intact.
    data: new Uint8Array(bytes),
    ...assetDirs(),
    cMapPacked: true,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  try {
    return { task, doc: await task.promise };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
}
