// The zip writer's output file: small writes gathered into large positional ones (writev), the
// absolute position of the next byte kept, and bytes patched in place once known.
import type { FileHandle } from 'node:fs/promises';

const FLUSH_AT = 1024 * 1024;

/** Buffers small writes into large ones and keeps the absolute position of the next byte. */
export class Output {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushedUpTo = 0;
  position = 0;
  private onFlushed: (() => void)[] = [];
  constructor(private readonly fh: FileHandle) {}

  async write(buf: Buffer, onFlushed?: () => void): Promise<void> {
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    this.position += buf.length;
    if (onFlushed) this.onFlushed.push(onFlushed);
    if (this.pendingBytes >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const bufs = this.pending;
    const at = this.flushedUpTo;
    this.pending = [];
    this.flushedUpTo += this.pendingBytes;
    this.pendingBytes = 0;
    for (const f of this.onFlushed.splice(0)) f();
    let written = 0;
    const total = bufs.reduce((s, b) => s + b.length, 0);
    while (written < total) {
      const { bytesWritten } = await this.fh.writev(written === 0 ? bufs : [Buffer.concat(bufs).subarray(written)], at + written);
      written += bytesWritten;
    }
  }

  async patch(position: number, bytes: Buffer): Promise<void> {
    await this.fh.write(bytes, 0, bytes.length, position);
  }
}
