// Writes of one backend and its own import, kept apart without holding the event loop. While the
// import's worker applies its transaction, a write on the backend's connection would sit in
// SQLite's busy wait (synchronous: every face of this backend would freeze). So writes pass this
// gate: they run at once, except while an import holds it, when they wait (asynchronously) for it.
// Reads never pass it: WAL lets them answer during the import.
export class WriteGate {
  private running = 0;
  private held: Promise<void> | null = null;
  private drained: (() => void)[] = [];

  /** Runs a write now, or once the import that holds the gate has finished. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    while (this.held) await this.held;
    this.running++;
    try {
      return await fn();
    } finally {
      if (--this.running === 0) for (const done of this.drained.splice(0)) done();
    }
  }

  /** Whether writes would wait now. */
  get isHeld(): boolean {
    return this.held !== null;
  }

  /** Holds the gate once the writes already running have finished; call the result to let writes go again. */
  async hold(): Promise<() => void> {
    while (this.held) await this.held;
    let release!: () => void;
    this.held = new Promise<void>((r) => { release = r; });
    while (this.running > 0) await new Promise<void>((r) => this.drained.push(r));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held = null;
      release();
    };
  }
}
