// Text output for the CSV and JSON writers: lines are encoded straight into one of two 4 MB buffers; a full
// buffer is written to the file while the other fills, so encoding and disk writes overlap.
import { promises as fs } from 'node:fs';

const CAPACITY = 4 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

export class TextOutput {
  private buffers: Buffer[] = [Buffer.allocUnsafe(CAPACITY), Buffer.allocUnsafe(CAPACITY)];
  private used = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly handle: fs.FileHandle) {}

  /** Whether `text` can be added without a flush first. */
  fits(text: string): boolean {
    return text.length * MAX_BYTES_PER_UNIT <= CAPACITY - this.used;
  }

  /** Adds text; call `flush()` first when it does not fit. */
  add(text: string): void {
    if (!this.fits(text)) throw new Error('TextOutput.add: flush first');
    this.used += (this.buffers[0] as Buffer).write(text, this.used, 'utf8');
  }

  /** Adds text of any length, flushing as needed. */
  async write(text: string): Promise<void> {
    if (!this.fits(text)) await this.flush();
    if (this.fits(text)) this.add(text);
    else await this.writeBytes(Buffer.from(text, 'utf8'));
  }

  /** Starts writing the filled buffer and switches to the other one (after its own write has finished). */
  async flush(): Promise<void> {
    await this.inFlight;
    if (this.used === 0) return;
    const [full, empty] = this.buffers as [Buffer, Buffer];
    this.inFlight = this.writeBytes(full.subarray(0, this.used));
    // Handled when awaited next; this keeps a failed write from counting as an unhandled rejection meanwhile.
    this.inFlight.catch(() => undefined);
    this.buffers = [empty, full];
    this.used = 0;
  }

  /** Flushes and waits for every write. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  /** Waits for the write under way, whatever its outcome (before closing after a failure). */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  private async writeBytes(bytes: Buffer): Promise<void> {
    let offset = 0;
    // A single write may be partial.
    while (offset < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  }
}

/** Creates or truncates `file` and lets `fill` write to it; closes it on success and on failure. */
export async function writeText(file: string, fill: (out: TextOutput) => Promise<void>): Promise<void> {
  const handle = await fs.open(file, 'w');
  const out = new TextOutput(handle);
  try {
    await fill(out);
    await out.finish();
  } catch (error) {
    await out.settle();
    throw error;
  } finally {
    await handle.close();
  }
}
