// What the text checks need from a document, computed once per content and stored (document_digests): its prose
// sentences for the reuse check and the sections it has for the six-sections check.
import { stmt, type Store } from '../store/open';
import { sentencesOf, type Sentence } from './reuse';
import { findSections, type SectionKey } from './sections';

export interface Digest {
  sentences: Sentence[];
  sections: SectionKey[];
}

export function digestText(text: string): Digest {
  return { sentences: sentencesOf(text), sections: findSections(text).map((s) => s.key) };
}

/** The digest of a stored document, computed and stored on first use; null when the document is not stored. */
export function digestOf(db: Store, sha256: string): Digest | null {
  const row = stmt(db, 'SELECT sentences, sections FROM document_digests WHERE sha256 = ?').get(sha256) as
    { sentences: string; sections: string } | undefined;
  if (row)
    return {
      sentences: JSON.parse(row.sentences) as Sentence[],
      sections: JSON.parse(row.sections) as SectionKey[],
    };
  const doc = stmt(db, 'SELECT text FROM documents WHERE sha256 = ?').get(sha256) as
    { text: string } | undefined;
  if (!doc) return null;
  const digest = digestText(doc.text);
  stmt(db, 'INSERT OR REPLACE INTO document_digests (sha256, sentences, sections) VALUES (?, ?, ?)').run(
    sha256,
    JSON.stringify(digest.sentences),
    JSON.stringify(digest.sections),
  );
  return digest;
}
