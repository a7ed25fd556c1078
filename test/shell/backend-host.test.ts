// Both ends of the backend host's protocol in plain Node: the host logic (host-serve.ts) with a real
// backend on a temp workbook, main's client (host-client.ts) on the other end of a worker_threads
// MessageChannel standing in for Electron's ports, and a fake child process for `exit`. Calls, change
// events, the host's requests for dialogs, switching, closing and a host that ends unasked.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { connectHost, type HostClient } from '../../electron/desktop/host-client';
import type { FaceRequest, PortLike } from '../../electron/desktop/host-protocol';
import { serveBackend, type ServedHost } from '../../electron/desktop/host-serve';
import { fixedClock, sequentialIds } from '../backend/helpers';

/** A worker_threads port as the protocol's PortLike; every message it sent is kept for the test to read. */
function nodePortLike(port: MessagePort, sent: unknown[]): PortLike {
  return {
    post: (message) => {
      port.postMessage(message);
      sent.push(message);
    },
    onMessage: (listener) => {
      port.on('message', listener);
    },
    onClose: (listener) => {
      port.on('close', listener);
    },
    start: () => port.start(),
    close: () => port.close(),
  };
}

let dir: string;
let path: string;
let child: EventEmitter;
let client: HostClient;
let served: ServedHost;
let toHost: unknown[];
let fromHost: unknown[];
let hostPort: MessagePort;
const face = vi.fn<(request: FaceRequest) => Promise<string | null>>();
const onCrash = vi.fn<(code: number) => void>();
let exit: ReturnType<typeof vi.fn<(code: number) => void>>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hw-host-'));
  path = join(dir, 'workbook.sqlite');
  child = new EventEmitter();
  toHost = [];
  fromHost = [];
  face.mockReset();
  onCrash.mockReset();
  // The host "process" ends as a utility process does: its main sees `exit` (this test's, not a later one's).
  const ours = child;
  exit = vi.fn((code: number) => {
    ours.emit('exit', code);
  });
  const { port1, port2 } = new MessageChannel();
  hostPort = port1;
  served = serveBackend(nodePortLike(port1, fromHost), {
    exit,
    create: (options) => createBackend({ ...options, clock: fixedClock(), newId: sequentialIds() }),
    // The test ticks the job progress itself.
    jobsEveryMs: 60_000,
  });
  client = connectHost(child, nodePortLike(port2, toHost), { face, onCrash });
  await client.open({ workbookPath: path, appVersion: '0.1.0-test' });
});

afterEach(async () => {
  if (client.alive) await client.close();
  rmSync(dir, { recursive: true, force: true });
});

type Ok<T> = { ok: true; value: T };
const value = async <T>(method: string, payload: unknown): Promise<T> => {
  const r = await client.dispatch(method, payload);
  if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
  return (r as Ok<T>).value;
};

describe('the backend host and main’s client, over one port', () => {
  it('opens the workbook and answers each call with its own id, overlapping calls included', async () => {
    expect(client.workbookPath).toBe(path);
    expect(existsSync(path)).toBe(true);
    const names = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli'];
    const created = await Promise.all(names.map((name) => client.dispatch('vendor.create', { name })));
    expect(created.map((r) => (r.ok ? (r.value as { name: string }).name : r.error.code))).toEqual(names);
    const ids = toHost.filter((m): m is { type: 'call'; id: number } => (m as { type: string }).type === 'call').map((m) => m.id);
    expect(new Set(ids).size).toBe(names.length);
    // The backend's own validation answers, with the field named, as it does on every face.
    expect(await client.dispatch('vendor.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ field: 'name' })] } });
    expect(await client.dispatch('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('passes each committed write’s change event to main', async () => {
    const events: unknown[] = [];
    client.onChange((e) => events.push(e));
    const vendor = await value<{ id: string }>('vendor.create', { name: 'Changed Ltd' });
    await vi.waitFor(() => expect(events).toEqual([expect.objectContaining({ ids: [vendor.id], vendorIds: [vendor.id] })]));
  });

  it('asks main where to save an attachment, and writes the copy itself: no file bytes cross the port', async () => {
    const vendor = await value<{ id: string }>('vendor.create', { name: 'Docs Ltd' });
    const doc = await value<{ id: string }>('document.create', { vendorId: vendor.id, title: 'Runbook' });
    const source = join(dir, 'runbook.txt');
    const bytes = 'MARKER-4711 the runbook, not to be sent over any port';
    writeFileSync(source, bytes);
    const attachment = await value<{ id: string }>('attachment.addFile', { documentId: doc.id, path: source });
    const target = join(dir, 'copy.txt');
    face.mockResolvedValueOnce(target);
    expect(await value('attachment.saveAs', { id: attachment.id })).toEqual({ path: target });
    expect(face).toHaveBeenCalledWith({ kind: 'saveAttachment', name: 'runbook.txt' });
    expect(readFileSync(target, 'utf8')).toBe(bytes);
    expect(JSON.stringify([toHost, fromHost])).not.toContain('MARKER-4711');
  });

  it('prints to PDF through main: main picks and prints beside the checked destination, the host renames it into place', async () => {
    await value('vendor.create', { name: 'Print Ltd' });
    const target = join(dir, 'report.pdf');
    face.mockImplementation(async (request) => {
      if (request.kind === 'savePdf') return target;
      if (request.kind !== 'printPdf') throw new Error(`unexpected ${request.kind}`);
      const temp = join(request.dir, '.printed.pdf.tmp');
      writeFileSync(temp, '%PDF-1.7 from main');
      return temp;
    });
    expect(await value('report.printToPdf', { all: true })).toEqual({ path: target });
    expect(face.mock.calls.map(([r]) => r.kind)).toEqual(['savePdf', 'printPdf']);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 from main');
    expect(existsSync(join(dir, '.printed.pdf.tmp'))).toBe(false);

    // A destination the host refuses (the workbook itself) is never printed to.
    face.mockClear();
    face.mockImplementation(async () => path);
    expect(await client.dispatch('report.printToPdf', { all: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(face.mock.calls.map(([r]) => r.kind)).toEqual(['savePdf']);
  });

  it('answers the call with main’s reason when main could not do what the host asked', async () => {
    const vendor = await value<{ id: string }>('vendor.create', { name: 'Open Ltd' });
    const doc = await value<{ id: string }>('document.create', { vendorId: vendor.id, title: 'Contract' });
    writeFileSync(join(dir, 'contract.pdf'), '%PDF');
    const attachment = await value<{ id: string }>('attachment.addFile', { documentId: doc.id, path: join(dir, 'contract.pdf') });
    face.mockRejectedValueOnce(new Error('No application is registered to open PDF files'));
    const r = await client.dispatch('attachment.open', { id: attachment.id });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('No application is registered') } });
    // The path of the copy the backend made to open (main never reads the workbook's store).
    expect(face).toHaveBeenCalledWith({ kind: 'openFile', path: expect.stringMatching(/[\\/]contract\.pdf$/) });
  });

  it('switches workbooks, and keeps the current one open when the other will not open', async () => {
    await value('vendor.create', { name: 'First Ltd' });
    const second = join(dir, 'second.sqlite');
    await client.switchWorkbook(second);
    expect(client.workbookPath).toBe(second);
    expect(await value('vendor.summaries', {})).toEqual([]);
    const junk = join(dir, 'notes.sqlite');
    writeFileSync(junk, 'not a database\n'.repeat(500));
    await expect(client.switchWorkbook(junk)).rejects.toThrow(/./);
    expect(client.workbookPath).toBe(second);
    expect(await value<{ workbookPath: string }>('app.info', {})).toMatchObject({ workbookPath: second });
  });

  it('refuses a payload that cannot cross the port, sending nothing, and answers the next call', async () => {
    const posted = toHost.length;
    await expect(client.dispatch('vendor.create', { name: 'Fn Ltd', notes: () => 'no' })).rejects.toThrow(/could not be cloned/i);
    expect(toHost.length).toBe(posted);
    expect(await value('vendor.summaries', {})).toEqual([]);
  });

  it('refuses to open a second workbook over the first, and says why', async () => {
    await expect(client.open({ workbookPath: join(dir, 'other.sqlite'), appVersion: 'x' })).rejects.toThrow('already open');
    expect(client.workbookPath).toBe(path);
  });

  it('reports the running pack jobs’ progress when it changes, and an empty list once none runs', async () => {
    const pack = join(dir, 'not-a-pack.zip');
    writeFileSync(pack, 'x'.repeat(4096));
    const { jobId } = await value<{ jobId: string }>('pack.startVerify', { path: pack });
    served.tickJobs();
    served.tickJobs(); // unchanged: not posted again
    await vi.waitFor(() => expect(client.running()).toEqual([{ bytesDone: 0, bytesTotal: 4096 }]));
    await vi.waitFor(async () => expect(await value<{ state: string }>('pack.jobStatus', { jobId })).not.toMatchObject({ state: 'running' }), { timeout: 15_000, interval: 100 });
    served.tickJobs();
    await vi.waitFor(() => expect(client.running()).toEqual([]));
    expect(fromHost.filter((m) => (m as { type: string }).type === 'jobs')).toHaveLength(2);
  });

  it('closes the workbook cleanly on close (WAL checkpointed), and the host ends once main let go of the port', async () => {
    await value('vendor.create', { name: 'Saved Ltd' });
    expect(existsSync(`${path}-wal`)).toBe(true);
    await client.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(client.alive).toBe(false);
    expect(onCrash).not.toHaveBeenCalled();
    // The workbook is whole: another backend opens it and finds the write.
    const again = createBackend({ workbookPath: path, appVersion: 'x' });
    try {
      expect(await again.dispatch('vendor.summaries', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ vendor: expect.objectContaining({ name: 'Saved Ltd' }) })] });
    } finally {
      await again.closeAndWait();
    }
  });

  it('a host that ends unasked fails the pending call with a clear error, and later calls at once', async () => {
    // The host waits on main's dialog, which never answers: the call is pending when the host dies.
    face.mockReturnValueOnce(new Promise(() => {}));
    const pending = client.dispatch('app.pickFile', { purpose: 'open-pack' });
    await vi.waitFor(() => expect(face).toHaveBeenCalled());
    child.emit('exit', 139);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/stopped \(exit code 139\) before it answered/) } });
    expect(onCrash).toHaveBeenCalledWith(139);
    const posted = toHost.length;
    expect(await client.dispatch('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('stopped') } });
    expect(toHost.length).toBe(posted);
    await expect(client.switchWorkbook(join(dir, 'x.sqlite'))).rejects.toThrow('stopped');
    // Main closed its end; the host (still running here, in-process) closes its workbook and ends.
    await vi.waitFor(() => expect(exit).toHaveBeenCalled());
  });

  it('each side drops a message that is not of the protocol, says so in the log, and keeps answering', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // As if main had sent them (a message arriving at the host's end).
      hostPort.emit('message', { type: 'call', id: 'one', method: 'app.info' });
      hostPort.emit('message', 'hello');
      // And from the host to main.
      hostPort.postMessage({ type: 'result', id: 1, response: 'fine' });
      await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(3));
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
        expect.stringMatching(/^Handover Workbook backend: dropped a message that is not of the protocol/),
        expect.stringMatching(/^Handover Workbook backend: dropped a message that is not of the protocol/),
        expect.stringMatching(/^Handover Workbook: dropped a message from the backend that is not of the protocol/),
      ]);
      expect(await client.dispatch('app.info', {})).toMatchObject({ ok: true, value: { workbookPath: path } });
    } finally {
      log.mockRestore();
    }
  });
});
