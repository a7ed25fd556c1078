// Main's side of the backend host's port: API calls relayed with request ids and answered with the
// same ApiResponse, the workbook opened, switched and closed, the host's change events and job
// progress, and the host's requests for what only main can do (dialogs, printing, opening files).
// A host that ends unasked fails every pending call with a clear error instead of leaving it waiting.
import type { ChangeEvent } from '../../shared/changes';
import type { ApiResponse } from '../../shared/errors';
import { parseFromHost } from './host-messages';
import type { FaceRequest, FromHost, HostOpenOptions, JobProgress, PortLike, ToHost } from './host-protocol';

/** The slice of Electron's UtilityProcess used here. */
export interface HostChild {
  on(event: 'exit', listener: (code: number) => void): unknown;
}

export interface HostClientDeps {
  /** Answers the host's requests (native dialogs, the print window, open with the system). */
  face(request: FaceRequest): Promise<string | null>;
  /** The host ended without being asked to; its pending calls have been answered with an error. */
  onCrash(code: number): void;
}

export interface HostClient {
  /** The workbook the host has open ('' until one opened). */
  readonly workbookPath: string;
  /** False once the host has ended (asked to or not). */
  readonly alive: boolean;
  /** Opens a workbook in the host; rejects with the reason when it would not open. */
  open(options: HostOpenOptions): Promise<void>;
  dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
  /** Opens another workbook in place of this one; on failure rejects and the current one stays open. */
  switchWorkbook(path: string): Promise<void>;
  /** Closes the workbook cleanly (the host checkpoints and closes the database), then lets the host end. */
  close(): Promise<void>;
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** The running pack jobs' progress, as the host last reported it. */
  running(): readonly JobProgress[];
}

/** The answer to a call the host can no longer give; `message` says what happened to it. */
export function backendStopped(message: string): ApiResponse<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

type Answer = Extract<FromHost, { id: number }> | { type: 'gone'; code: number };

export function connectHost(child: HostChild, port: PortLike, deps: HostClientDeps): HostClient {
  let workbookPath = '';
  let alive = true;
  let closing = false;
  let running: readonly JobProgress[] = [];
  let exitCode = 0;
  let nextId = 1;
  let closed: Promise<void> | null = null;
  const pending = new Map<number, (answer: Answer) => void>();
  const listeners = new Set<(event: ChangeEvent) => void>();

  const request = (make: (id: number) => ToHost): Promise<Answer> => {
    if (!alive) return Promise.resolve({ type: 'gone', code: exitCode });
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, resolve);
      try {
        port.post(make(id));
      } catch (e) {
        // A payload that cannot be cloned onto the port: nothing was sent, nothing waits.
        pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  };

  const answerFace = async (id: number, face: FaceRequest) => {
    let answer: ToHost;
    try {
      answer = { type: 'face-answer', id, ok: true, value: await deps.face(face) };
    } catch (e) {
      answer = { type: 'face-answer', id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    // A dialog may still be open when the host ends: its answer then has no one to go to.
    if (alive) port.post(answer);
  };

  port.onMessage((data) => {
    const parsed = parseFromHost(data);
    if ('problem' in parsed) {
      console.error(`Handover Workbook: dropped a message from the backend that is not of the protocol: ${parsed.problem}`);
      return;
    }
    const m = parsed.message;
    switch (m.type) {
      case 'change':
        for (const listener of [...listeners]) listener(m.event);
        return;
      case 'jobs':
        running = m.running;
        return;
      case 'face':
        void answerFace(m.id, m.request);
        return;
      default: {
        const settle = pending.get(m.id);
        pending.delete(m.id);
        settle?.(m);
      }
    }
  });
  port.start();

  child.on('exit', (code) => {
    alive = false;
    exitCode = code;
    running = [];
    for (const settle of pending.values()) settle({ type: 'gone', code });
    pending.clear();
    port.close();
    if (!closing) deps.onCrash(code);
  });

  const opened = (answer: Answer) => {
    if (answer.type === 'opened') {
      workbookPath = answer.workbookPath;
      return;
    }
    if (answer.type === 'failed') throw new Error(answer.message);
    if (answer.type === 'gone') throw new Error(`The workbook's backend stopped (exit code ${answer.code}) before it opened the workbook.`);
    throw new Error(`Unexpected answer from the backend: ${answer.type}`);
  };

  return {
    get workbookPath() {
      return workbookPath;
    },
    get alive() {
      return alive;
    },
    open: async (options) => opened(await request((id) => ({ type: 'open', id, options }))),
    switchWorkbook: async (path) => opened(await request((id) => ({ type: 'switch', id, path }))),
    async dispatch(method, payload) {
      const answer = await request((id) => ({ type: 'call', id, method, payload }));
      if (answer.type === 'result') return answer.response;
      if (answer.type === 'gone') {
        return backendStopped(`The workbook's backend stopped (exit code ${answer.code}) before it answered; this action may not have been completed. Restart the backend when asked, then check and try again.`);
      }
      return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from the backend: ${answer.type}` } };
    },
    close() {
      // Once: a second request on a port already let go of would never be answered.
      closed ??= (async () => {
        closing = true;
        await request((id) => ({ type: 'close', id }));
        // Our end closed: the host, its workbook closed, ends itself (host-serve.ts).
        if (alive) port.close();
      })();
      return closed;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    running: () => running,
  };
}
