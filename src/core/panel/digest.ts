// What the text checks need from a document, computed once per content and stored (document_digests): its prose
// sentences for the reuse check and the sections it has for the six-sections check. The import workers compute it
// alongside extraction (read-file.ts) and the store writes it with the document; digestOf computes what is missing
// (documents stored before the panel existed).
import { stmt, type Store } from '../store/open';
import type { StoredDigest } from '../store/save';
import { sentencesOf, type Sentences } from './reuse';
import { findSections, type SectionKey } from './sections';

export interface Digest {
  sentences: Sentences;
  sections: SectionKey[];
}

export type { StoredDigest };

export function digestText(text: string): Digest {
  return { sentences: sentencesOf(text), sections: findSections(text).map((s) => s.key) };
}

export function encodeDigest(d: Digest): StoredDigest {
  const bytes = new Uint8Array(d.sentences.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < d.sentences.length; i++) view.setUint32(i * 4, d.sentences[i]!, true);
  return { sentences: bytes, sections: d.sections.join(',') };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The digest of stored bytes; on little-endian machines the sentences are a view of those bytes, not a copy. */
export function decodeDigest(sentences: Uint8Array, sections: string): Digest {
  const count = sentences.byteLength >>> 2;
  let out: Uint32Array;
  if (LITTLE_ENDIAN && sentences.byteOffset % 4 === 0) {
    out = new Uint32Array(sentences.buffer, sentences.byteOffset, count);
  } else {
    const view = new DataView(sentences.buffer, sentences.byteOffset, sentences.byteLength);
    out = new Uint32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getUint32(i * 4, true);
  }
  return { sentences: out, sections: sections === '' ? [] : (sections.split(',') as SectionKey[]) };
}

/** The stored digest of a text (what the import workers send with the document). */
export function storedDigestOf(text: string): StoredDigest {
  return encodeDigest(digestText(text));
}

function storeDigest(db: Store, sha256: string, d: StoredDigest): void {
  stmt(db, 'INSERT OR REPLACE INTO document_digests (sha256, sentences, sections) VALUES (?, ?, ?)').run(
    sha256,
    Buffer.from(d.sentences.buffer, d.sentences.byteOffset, d.sentences.byteLength),
    d.sections,
  );
}

/** The digest of a stored document, computed and stored on first use; null when the document is not stored. */
export function digestOf(db: Store, sha256: string): Digest | null {
  const row = stmt(db, 'SELECT sentences, sections FROM document_digests WHERE sha256 = ?').get(sha256) as
    { sentences: Buffer; sections: string } | undefined;
  if (row) return decodeDigest(row.sentences, row.sections);
  const doc = stmt(db, 'SELECT text FROM documents WHERE sha256 = ?').get(sha256) as
    { text: string } | undefined;
  if (!doc) return null;
  const digest = digestText(doc.text);
  storeDigest(db, sha256, encodeDigest(digest));
  return digest;
}
