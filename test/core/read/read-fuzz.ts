// Byte-level fuzzing of the readers: real HTML pages, a real .docx (as a zip, and with its document.xml mutated and
// zipped again so that mammoth's XML path is reached) and real texts in several encodings, mutated at the byte level
// (flips, inserts, hostile tokens, deletions, repeats, truncation, splices) and read with readDocument. Used by
// read-fuzz.test.ts (in a worker thread with the import workers' heap limit) and by `npm run fuzz:readers`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { readDocument } from '../../../src/core/read';
import type { ReadResult } from '../../../src/core/read/types';
import { Random } from '../../generator/random';

const FIXTURES = join(import.meta.dirname, '../../fixtures/read');

export type BaseKind = 'html' | 'docx' | 'text';

interface Base {
  kind: BaseKind;
  name: string;
  bytes: Uint8Array;
}

const HOSTILE_TOKENS = [
  '<!--',
  '-->',
  '<!---->'.repeat(40),
  '<!-- '.repeat(200),
  '<table>',
  '</table>',
  '<tr>',
  '<td colspan="100" rowspan="0">',
  '<td rowspan="65534">',
  '</td></tr>',
  '<meta charset="gbk">',
  '<meta charset="utf-16">',
  '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
  '<?xml version="1.0" encoding="shift_jis"?>',
  '<script>',
  '<style>',
  '<pre>',
  '<![CDATA[',
  '&#x10FFFF;',
  '&#99999999999;',
  '&amp;'.repeat(100),
  '<p hidden>',
  '<div style="display:none">',
  '<w:tc>',
  '<w:gridSpan w:val="9999"/>',
  '<w:vMerge/>',
  '<w:tbl>',
  '</w:tbl>',
  '<w:p><w:r><w:t>',
  'MIME-Version: 1.0\nContent-Type: multipart/related',
  '%PDF-1.7',
  '{\\rtf1',
  '一、本年新收政府信息公开申请数量 | 0 | 0',
];

const RAW_PREFIXES: number[][] = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
];

/** Room for mutants to grow; the reader's own 50 MB limit is tested elsewhere. */
const MAX_MUTANT_BYTES = 6 * 1024 * 1024;
/**
 * Room for a mutated document.xml to grow (the real one is 30 KB): mammoth converts well-formed XML at about
 * 2 MB/s, so a valid but larger document takes longer than the 1 s this test allows for its linear work alone.
 */
const MAX_MUTANT_XML_BYTES = 1024 * 1024;

export async function loadBases(): Promise<Base[]> {
  const file = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
  const txt0 = readFileSync(join(FIXTURES, 'report-000.txt'), 'utf8');
  const txt1 = readFileSync(join(FIXTURES, 'report-001.txt'), 'utf8');
  const utf16be = Buffer.from(iconv.encode(txt0, 'utf-16be'));
  return [
    { kind: 'html', name: 'report-000-2021.html', bytes: file('report-000-2021.html') },
    { kind: 'html', name: 'report-001-2019-gbk.html', bytes: file('report-001-2019-gbk.html') },
    { kind: 'html', name: 'report-000-truncated.html', bytes: file('report-000-truncated.html') },
    { kind: 'html', name: 'hostile.html', bytes: file('hostile.html') },
    { kind: 'docx', name: 'report-001-2019.docx', bytes: file('report-001-2019.docx') },
    { kind: 'text', name: 'report-000.txt', bytes: file('report-000.txt') },
    { kind: 'text', name: 'report-001-gbk.txt', bytes: iconv.encode(txt1, 'gb18030') },
    { kind: 'text', name: 'report-000-utf16le.txt', bytes: iconv.encode(txt0, 'utf-16le', { addBOM: true }) },
    { kind: 'text', name: 'report-000-utf16be.txt', bytes: utf16be },
    { kind: 'text', name: 'report-001-big5.txt', bytes: iconv.encode(txt1, 'big5') },
  ];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** One byte-level mutation; returns the mutant and a short description. */
function mutateOnce(
  bytes: Uint8Array,
  rnd: Random,
  bases: Base[],
  max: number,
): { bytes: Uint8Array; what: string } {
  const n = bytes.length;
  const pos = (): number => rnd.int(0, n);
  const choice = rnd.int(0, 9);
  switch (choice) {
    case 0: {
      const out = Uint8Array.from(bytes);
      const flips = rnd.int(1, 20);
      for (let i = 0; i < flips && n > 0; i++) out[rnd.int(0, n - 1)] = rnd.int(0, 255);
      return { bytes: out, what: `flip×${flips}` };
    }
    case 1: {
      const at = pos();
      const extra = Uint8Array.from({ length: rnd.int(1, 400) }, () => rnd.int(0, 255));
      return {
        bytes: concat(bytes.subarray(0, at), extra, bytes.subarray(at)),
        what: `insert ${extra.length}`,
      };
    }
    case 2: {
      const at = pos();
      const token = Buffer.from(HOSTILE_TOKENS[rnd.int(0, HOSTILE_TOKENS.length - 1)]!, 'utf8');
      return { bytes: concat(bytes.subarray(0, at), token, bytes.subarray(at)), what: 'token' };
    }
    case 3: {
      const at = pos();
      const len = rnd.int(1, Math.max(1, Math.floor(n / 4)));
      return { bytes: concat(bytes.subarray(0, at), bytes.subarray(at + len)), what: `delete ${len}` };
    }
    case 4: {
      const at = pos();
      const len = rnd.int(1, 200);
      const chunk = bytes.subarray(at, at + len);
      const times = rnd.int(
        2,
        Math.max(2, Math.min(20_000, Math.floor(max / 2 / Math.max(1, chunk.length)))),
      );
      const repeated = Buffer.alloc(chunk.length * times);
      for (let i = 0; i < times; i++) repeated.set(chunk, i * chunk.length);
      return {
        bytes: concat(bytes.subarray(0, at), repeated, bytes.subarray(at)),
        what: `repeat ${len}×${times}`,
      };
    }
    case 5:
      return { bytes: bytes.subarray(0, pos()), what: 'truncate' };
    case 6: {
      const other = bases[rnd.int(0, bases.length - 1)]!.bytes;
      const cut = rnd.int(0, other.length);
      return { bytes: concat(bytes.subarray(0, pos()), other.subarray(cut)), what: 'splice' };
    }
    case 7: {
      const prefix = RAW_PREFIXES[rnd.int(0, RAW_PREFIXES.length - 1)]!;
      return { bytes: concat(Uint8Array.from(prefix), bytes), what: 'prefix' };
    }
    case 8: {
      // A run of one hostile byte value (NUL, 0xFF, '<', '-', '|', a GBK lead byte).
      const at = pos();
      const value = [0x00, 0xff, 0x3c, 0x2d, 0x7c, 0x81, 0xa1][rnd.int(0, 6)]!;
      const run = Buffer.alloc(rnd.int(1, 100_000), value);
      return { bytes: concat(bytes.subarray(0, at), run, bytes.subarray(at)), what: `run ${run.length}` };
    }
    default: {
      // Swap two ranges (moves table rows and tags around).
      const a = pos();
      const b = pos();
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const mid = rnd.int(lo, hi);
      return {
        bytes: concat(
          bytes.subarray(0, lo),
          bytes.subarray(mid, hi),
          bytes.subarray(lo, mid),
          bytes.subarray(hi),
        ),
        what: 'swap',
      };
    }
  }
}

function mutateBytes(
  bytes: Uint8Array,
  rnd: Random,
  bases: Base[],
  max = MAX_MUTANT_BYTES,
): { bytes: Uint8Array; what: string } {
  let out = bytes;
  const whats: string[] = [];
  const count = rnd.int(1, 4);
  for (let i = 0; i < count; i++) {
    const m = mutateOnce(out, rnd, bases, max);
    out = m.bytes.length > max ? m.bytes.subarray(0, max) : m.bytes;
    whats.push(m.what);
  }
  return { bytes: out, what: whats.join('+') };
}

/** A .docx whose document.xml is mutated, zipped again: a valid zip, so mammoth parses the mutated XML. */
async function mutateDocxInside(
  docx: Uint8Array,
  rnd: Random,
  bases: Base[],
): Promise<{ bytes: Uint8Array; what: string }> {
  const zip = await JSZip.loadAsync(docx);
  const part = zip.file('word/document.xml');
  if (!part) return { bytes: docx, what: 'inside (no part)' };
  const xml = await part.async('uint8array');
  const m = mutateBytes(xml, rnd, bases, MAX_MUTANT_XML_BYTES);
  zip.file('word/document.xml', m.bytes);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, what: `inside ${m.what}` };
}

/** Null when the result has the shape every reader promises; else what is wrong. */
export function malformed(r: ReadResult): string | null {
  if (!r.ok) return typeof r.error === 'string' && r.error.length > 0 ? null : 'failure without a message';
  if (typeof r.text !== 'string') return 'text is not a string';
  if (!Array.isArray(r.tables) || !Array.isArray(r.warnings)) return 'tables or warnings missing';
  for (const t of r.tableSources ?? []) {
    if (!(t.span.start >= 0 && t.span.start <= t.span.end && t.span.end <= r.text.length))
      return 'table span outside';
    for (const c of t.cells)
      if (!(c.span.start >= 0 && c.span.start <= c.span.end && c.span.end <= r.text.length))
        return 'cell span outside';
  }
  return null;
}

/** The cost of one read in ms: the lesser of wall and CPU time (a machine shared with other jobs inflates wall time). */
async function timedRead(bytes: Uint8Array, name: string): Promise<{ ms: number; result: ReadResult }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await readDocument(bytes, name);
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { ms: Math.min(wall, (user + system) / 1000), result };
}

export interface FuzzOptions {
  runs: number;
  /** Debugging: read nothing, write the mutants whose description is this to /tmp. */
  match?: string;
  seed: number;
  limitMs: number;
}

export interface FuzzReport {
  runs: number;
  byKind: Record<BaseKind, number>;
  /** Documents that threw, were malformed or took longer than the limit. */
  failures: { name: string; what: string; problem: string }[];
  p50: number;
  p99: number;
  slowest: { ms: number; name: string; what: string; size: number };
  peakHeapMb: number;
  seconds: number;
}

export async function fuzzReaders(opts: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const bases = await loadBases();
  const rnd = new Random(opts.seed);
  const byKind: Record<BaseKind, number> = { html: 0, docx: 0, text: 0 };
  const failures: FuzzReport['failures'] = [];
  const times: number[] = [];
  let slowest = { ms: 0, name: '', what: '', size: 0 };
  let peakHeap = 0;
  // Equal shares of HTML, DOCX and text, whatever the number of bases of each kind.
  const kinds: BaseKind[] = ['html', 'docx', 'text'];
  for (let i = 0; i < opts.runs; i++) {
    const kind = kinds[i % 3]!;
    const ofKind = bases.filter((b) => b.kind === kind);
    const base = ofKind[rnd.int(0, ofKind.length - 1)]!;
    const mutant =
      kind === 'docx' && rnd.next() < 0.5
        ? await mutateDocxInside(base.bytes, rnd, bases)
        : mutateBytes(base.bytes, rnd, bases);
    byKind[kind]++;
    if (opts.match && mutant.what === opts.match) {
      writeFileSync(`/tmp/fuzz-match-${i}.bin`, mutant.bytes);
      continue;
    }
    if (opts.match) continue;
    // FUZZ_TRACE=<file>: each mutant is written there before it is read, to find one that hangs.
    if (process.env.FUZZ_TRACE) {
      console.error(i, base.name, mutant.what, mutant.bytes.length);
      writeFileSync(process.env.FUZZ_TRACE, mutant.bytes);
    }
    try {
      let { ms, result } = await timedRead(mutant.bytes, base.name);
      // One just over the limit is timed again, so that a GC pause is not blamed; one far over it is not.
      if (ms >= opts.limitMs && ms < 3 * opts.limitMs)
        ({ ms, result } = await timedRead(mutant.bytes, base.name));
      times.push(ms);
      if (ms > slowest.ms) slowest = { ms, name: base.name, what: mutant.what, size: mutant.bytes.length };
      const problem = malformed(result) ?? (ms >= opts.limitMs ? `took ${ms.toFixed(0)} ms` : null);
      if (problem) failures.push({ name: base.name, what: mutant.what, problem });
    } catch (err) {
      failures.push({
        name: base.name,
        what: mutant.what,
        problem: `threw ${(err as Error).stack ?? String(err)}`,
      });
    }
    if (i % 50 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  const q = (p: number): number => times[Math.floor(p * (times.length - 1))] ?? 0;
  return {
    runs: opts.runs,
    byKind,
    failures,
    p50: q(0.5),
    p99: q(0.99),
    slowest,
    peakHeapMb: peakHeap / 1024 / 1024,
    seconds: (performance.now() - started) / 1000,
  };
}
