// Document digests (sentence hashes and sections for the text checks): computed by the import alongside
// extraction and stored with the document, in step with the text they were computed from, and read back exactly.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../../src/core/library';
import { decodeDigest, digestOf, digestText, encodeDigest } from '../../../src/core/panel/digest';
import { sentencesOf } from '../../../src/core/panel/reuse';
import { openStore, saveFile, type Store } from '../../../src/core/store';
import { tempDir } from '../../e2e/setup';
import { extraction2021, fileOf } from '../store/helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures/panel');

/** The definition the fast hashing must match: FNV-1a of the text without whitespace, figures replaced by '#'. */
function referenceSentences(text: string): number[] {
  const out: number[] = [];
  const fnv = (s: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  let start = 0;
  const breaks = /[。！？；!?;\n]+/gu;
  for (;;) {
    const m = breaks.exec(text);
    const end = m ? m.index : text.length;
    const piece = text.slice(start, end);
    const compact = piece.replace(/\s+/gu, '');
    const cjk = compact.match(/[\u4e00-\u9fff]/gu)?.length ?? 0;
    if (end - start >= 14 && !piece.includes('|') && compact.length >= 14 && cjk >= compact.length * 0.6)
      out.push(fnv(compact.replace(/\d+(?:\.\d+)?/gu, '#')), start, end);
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

describe('document digests', () => {
  let dir: string;
  let db: Store;
  const texts = readdirSync(FIXTURES).map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

  beforeAll(async () => {
    dir = tempDir('panel-digest');
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    texts.forEach((t, i) => writeFileSync(join(folder, `r${i}.txt`), t));
    db = openStore(join(dir, 'digest.db'));
    await importFolder(db, folder);
  });

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hashes sentences as defined: whitespace dropped, figures masked, tables and short lines left out', () => {
    const samples = [
      ...texts,
      '本年度共收到申请12.5件，同比增长3.件，另有.7件和1.2.3件待处理，特此说明情况。下一句也足够长的中文句子在这里结束！',
      '　全角空格　和\u00a0不换行空格以及制表\t符号都应当被去掉的一句中文句子样本；短句。| 表格 | 行 | 不算 |',
    ];
    for (const t of samples) expect([...sentencesOf(t)]).toEqual(referenceSentences(t));
  });

  it('the import stores each document’s digest with it (computed in the workers), equal to its text’s', () => {
    const rows = db
      .prepare(
        `SELECT d.sha256, d.text, g.sentences, g.sections FROM documents d
         LEFT JOIN document_digests g ON g.sha256 = d.sha256`,
      )
      .all() as { sha256: string; text: string; sentences: Buffer | null; sections: string | null }[];
    expect(rows.length).toBe(texts.length);
    for (const r of rows) {
      expect(r.sentences, r.sha256).not.toBeNull();
      const stored = decodeDigest(r.sentences!, r.sections!);
      const fresh = digestText(r.text);
      expect([...stored.sentences]).toEqual([...fresh.sentences]);
      expect(stored.sections).toEqual(fresh.sections);
    }
  });

  it('reads digests back from bytes at any offset', () => {
    const d = digestText(texts[0]!);
    expect(d.sentences.length).toBeGreaterThan(0);
    const bytes = encodeDigest(d).sentences;
    const shifted = Buffer.concat([Buffer.alloc(1), Buffer.from(bytes)]).subarray(1);
    expect([...decodeDigest(shifted, d.sections.join(',')).sentences]).toEqual([...d.sentences]);
    expect(decodeDigest(new Uint8Array(0), '')).toEqual({ sentences: new Uint32Array(0), sections: [] });
  });

  it('keeps a digest only while its text is stored, and recomputes one that is missing', () => {
    const a = '一、总体情况\n我局认真贯彻落实政府信息公开条例，全面推进政务公开工作，取得明显成效。';
    const b = '一、总体情况\n本年度我局继续深化政务公开，主动回应社会关切，信息公开质量不断提高。';
    const save = (text: string) =>
      db.transaction(() => saveFile(db, fileOf('/digest/one.txt', text, extraction2021())))();
    const digestRow = (sha: string) =>
      db.prepare('SELECT sections FROM document_digests WHERE sha256 = ?').get(sha) as
        { sections: string } | undefined;
    save(a);
    const shaA = fileOf('/digest/one.txt', a, null).sha256;
    // Saved without a worker's digest: none stored, computed on first use and stored then.
    expect(digestRow(shaA)).toBeUndefined();
    expect([...digestOf(db, shaA)!.sentences]).toEqual([...sentencesOf(a)]);
    expect(digestRow(shaA)).toEqual({ sections: 'overview' });
    // The file changed: the old text goes, and its digest with it.
    save(b);
    expect(db.prepare('SELECT count(*) FROM documents WHERE sha256 = ?').pluck().get(shaA)).toBe(0);
    expect(digestRow(shaA)).toBeUndefined();
  });
});
