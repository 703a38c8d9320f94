// Buffered text output for the CSV and JSON writers: collects text and writes it in chunks of about 1 MB.
import { promises as fs } from 'node:fs';

const CHUNK_CHARS = 1 << 20;

export class TextFile {
  private buffer = '';

  private constructor(private readonly handle: fs.FileHandle) {}

  /** Creates or truncates `file`. */
  static async create(file: string): Promise<TextFile> {
    return new TextFile(await fs.open(file, 'w'));
  }

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    const bytes = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    let offset = 0;
    // A single write may be partial.
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  }

  /** Flushes (unless `discard`) and closes. */
  async close(discard = false): Promise<void> {
    try {
      if (!discard) await this.flush();
    } finally {
      await this.handle.close();
    }
  }
}

/** Runs `write` on a new file; closes it on success and on failure. */
export async function writeText(file: string, write: (out: TextFile) => Promise<void>): Promise<void> {
  const out = await TextFile.create(file);
  try {
    await write(out);
  } catch (error) {
    await out.close(true);
    throw error;
  }
  await out.close();
}
