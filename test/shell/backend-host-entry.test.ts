// The backend host's entry (electron/desktop/backend-host.ts) as the utility process runs it: built as
// an entry of its own beside main.js (as main.ts forks it) and packed; it takes the port from the first
// message on `process.parentPort` (faked here, with Electron's `{ data, ports }` message shape) and
// serves the backend on it; outside a utility process it refuses to run.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import config from '../../electron.vite.config';

const ROOT = resolve(__dirname, '../..');

/** Electron's MessagePortMain over a worker_threads port: messages come as `{ data, ports }` once started. */
class FakeMessagePortMain extends EventEmitter {
  constructor(private readonly node: MessagePort) { super(); }
  start() {
    this.node.on('message', (data: unknown) => this.emit('message', { data, ports: [] }));
    this.node.on('close', () => this.emit('close'));
  }
  postMessage(message: unknown) { this.node.postMessage(message); }
  close() { this.node.close(); }
}

describe('the backend host entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-host-entry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is an entry of the main build, named as main.ts forks it, and packed', () => {
    const input = (config as { main?: { build?: { rollupOptions?: { input?: Record<string, string> } } } }).main?.build?.rollupOptions?.input;
    expect(input?.backendHost).toBe(resolve(ROOT, 'electron/desktop/backend-host.ts'));
    expect(readFileSync(resolve(ROOT, 'electron/desktop/main.ts'), 'utf8')).toContain("new URL('./backendHost.js', import.meta.url)");
    expect(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')).toMatch(/^files:\n(?:\s+#.*\n)*\s+- out\/\*\*$/m);
  });

  it('serves the backend on the port the first message from main hands over, and ends once main lets go', async () => {
    const parent = new EventEmitter();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    (process as unknown as { parentPort?: EventEmitter }).parentPort = parent;
    try {
      await import('../../electron/desktop/backend-host');
      const { port1, port2 } = new MessageChannel();
      parent.emit('message', { data: { type: 'port' }, ports: [new FakeMessagePortMain(port1)] });
      const answers: { type: string; id?: number; response?: { ok: boolean } }[] = [];
      port2.on('message', (m: (typeof answers)[number]) => answers.push(m));
      const path = join(dir, 'entry.sqlite');
      port2.postMessage({ type: 'open', id: 1, options: { workbookPath: path, appVersion: '0.1.0-test' } });
      port2.postMessage({ type: 'call', id: 2, method: 'vendor.create', payload: { name: 'Entry Ltd' } });
      await vi.waitFor(() => expect(answers).toContainEqual(expect.objectContaining({ type: 'result', id: 2, response: expect.objectContaining({ ok: true }) })));
      expect(answers[0]).toEqual({ type: 'opened', id: 1, workbookPath: path });
      port2.postMessage({ type: 'close', id: 3 });
      await vi.waitFor(() => expect(answers).toContainEqual({ type: 'closed', id: 3 }));
      expect(existsSync(`${path}-wal`)).toBe(false);
      port2.close();
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    } finally {
      delete (process as unknown as { parentPort?: EventEmitter }).parentPort;
      exit.mockRestore();
    }
  });

  it('refuses to run outside an Electron utility process, and says so', () => {
    let failure: { status: number | null; stderr: string } | null = null;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'electron/desktop/backend-host.ts')], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failure = e as { status: number | null; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toContain('runs in an Electron utility process');
  });
});
