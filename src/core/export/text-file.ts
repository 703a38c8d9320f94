// Text output for the CSV and JSON writers: the writer collects lines into chunks of about 1 MB and hands each
// chunk to `write`, so that the file is written in few system calls and the event loop turns between chunks.
import { promises as fs } from 'node:fs';

export const CHUNK_CHARS = 1 << 20;

/** Creates or truncates `file` and lets `fill` write to it; closes it on success and on failure. */
export async function writeText(
  file: string,
  fill: (write: (text: string) => Promise<void>) => Promise<void>,
): Promise<void> {
  const handle = await fs.open(file, 'w');
  const writeAll = async (bytes: Buffer): Promise<void> => {
    let offset = 0;
    // A single write may be partial.
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  };
  // One chunk is written while the next is being built; `write` waits only for the one before.
  let inFlight: Promise<void> = Promise.resolve();
  try {
    await fill(async (text) => {
      await inFlight;
      inFlight = writeAll(Buffer.from(text, 'utf8'));
      // Handled when awaited next; this keeps a failed write from counting as an unhandled rejection meanwhile.
      inFlight.catch(() => undefined);
    });
    await inFlight;
  } finally {
    await inFlight.catch(() => undefined);
    await handle.close();
  }
}
