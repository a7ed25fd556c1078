// The backend host's logic: one backend (electron/core/backend.ts) served over a port to the
// desktop's main process (host-protocol.ts). Plain Node, no Electron: backend-host.ts runs it in an
// Electron utility process, the tests run it in Node with a worker_threads MessageChannel.
import { createBackend, type Backend, type BackendOptions } from '../core/backend';
import type { ApiResponse } from '../../shared/errors';
import { hostFaceDialogs, hostOpenFile, type AskMain } from './host-faces';
import { parseToHost } from './host-messages';
import { hostSigningKeys } from './host-signing-keys';
import type { FromHost, JobProgress, PortLike, ToHost } from './host-protocol';

export interface HostDeps {
  /** Ends the host (process.exit in the utility process); called once main's end of the port is gone. */
  exit(code: number): void;
  /** How the backend is made (tests may pass a clock and ids); default createBackend. */
  create?: (options: BackendOptions) => Backend;
  /** How often the running jobs' progress is looked at for the taskbar. */
  jobsEveryMs?: number;
}

export interface ServedHost {
  /** Posts the running jobs' progress if it changed since the last post (the timer calls it too). */
  tickJobs(): void;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function serveBackend(port: PortLike, deps: HostDeps): ServedHost {
  const create = deps.create ?? createBackend;
  let backend: Backend | null = null;
  let unsubscribe: () => void = () => {};
  let closing: Promise<void> | null = null;
  const post = (message: FromHost) => port.post(message);

  const asked = new Map<number, { resolve(value: string | null): void; reject(e: Error): void }>();
  let nextAsk = 1;
  const ask: AskMain = (request) =>
    new Promise((resolve, reject) => {
      const id = nextAsk++;
      asked.set(id, { resolve, reject });
      post({ type: 'face', id, request });
    });

  let lastJobs = '[]';
  const tickJobs = () => {
    const running: JobProgress[] = (backend?.packs.running() ?? []).map((j) => ({ bytesDone: j.bytesDone, bytesTotal: j.bytesTotal }));
    const key = JSON.stringify(running);
    if (key === lastJobs) return;
    lastJobs = key;
    post({ type: 'jobs', running });
  };
  const jobsTimer = setInterval(tickJobs, deps.jobsEveryMs ?? 250);

  /** Closes the workbook once, however many times it is asked (a close request, then the port closing). */
  const closeBackend = () => {
    closing ??= (async () => {
      clearInterval(jobsTimer);
      unsubscribe();
      for (const pending of asked.values()) pending.reject(new Error('The desktop app is closing the workbook.'));
      asked.clear();
      const open = backend;
      backend = null;
      await open?.closeAndWait();
    })();
    return closing;
  };

  const open = (m: Extract<ToHost, { type: 'open' }>) => {
    if (backend) return post({ type: 'failed', id: m.id, message: 'A workbook is already open in this backend.' });
    const { packWorkerEntry, ...options } = m.options;
    try {
      backend = create({
        ...options,
        ...(packWorkerEntry ? { packWorkerEntry: new URL(packWorkerEntry) } : {}),
        canSwitchWorkbook: true,
        dialogs: hostFaceDialogs(ask),
        openFile: hostOpenFile(ask),
        signingKeys: hostSigningKeys(ask),
      });
    } catch (e) {
      return post({ type: 'failed', id: m.id, message: errorText(e) });
    }
    // Only plain data crosses: a change event is a structured-clonable object.
    unsubscribe = backend.onChange((event) => post({ type: 'change', event }));
    post({ type: 'opened', id: m.id, workbookPath: backend.workbookPath });
  };

  const call = async (m: Extract<ToHost, { type: 'call' }>) => {
    let response: ApiResponse<unknown>;
    if (!backend) response = { ok: false, error: { code: 'NO_WORKBOOK', message: 'No workbook is open.' } };
    else {
      try {
        response = await backend.dispatch(m.method, m.payload);
      } catch (e) {
        // dispatch() promises never to throw; if it does, main still gets the one error shape.
        response = { ok: false, error: { code: 'INTERNAL', message: errorText(e) } };
      }
    }
    try {
      post({ type: 'result', id: m.id, response });
    } catch (e) {
      // A value that cannot be cloned onto the port (a bug in a handler) must not leave main waiting.
      post({ type: 'result', id: m.id, response: { ok: false, error: { code: 'INTERNAL', message: errorText(e) } } });
    }
  };

  const handle = async (m: ToHost) => {
    switch (m.type) {
      case 'open':
        return open(m);
      case 'call':
        return call(m);
      case 'switch':
        if (!backend) return post({ type: 'failed', id: m.id, message: 'No workbook is open.' });
        try {
          backend.switchWorkbook(m.path);
        } catch (e) {
          return post({ type: 'failed', id: m.id, message: errorText(e) });
        }
        return post({ type: 'opened', id: m.id, workbookPath: backend.workbookPath });
      case 'close':
        await closeBackend();
        return post({ type: 'closed', id: m.id });
      case 'face-answer': {
        const pending = asked.get(m.id);
        asked.delete(m.id);
        if (!pending) return;
        if (m.ok) pending.resolve(m.value);
        else pending.reject(new Error(m.message));
        return;
      }
    }
  };

  port.onMessage((data) => {
    const parsed = parseToHost(data);
    if ('problem' in parsed) {
      console.error(`Handover Workbook backend: dropped a message that is not of the protocol: ${parsed.problem}`);
      return;
    }
    handle(parsed.message).catch((e: unknown) => console.error('Handover Workbook backend: a request failed', e));
  });
  // Main closed its end (after `closed`, or because it went away): close the workbook, then end.
  port.onClose(() => {
    closeBackend()
      .catch((e: unknown) => console.error('Handover Workbook backend: closing the workbook failed', e))
      .finally(() => deps.exit(0));
  });
  port.start();
  return { tickJobs };
}
