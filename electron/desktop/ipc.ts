// The IPC binding: one handler per method of the API table, registered in one loop. The renderer
// is untrusted: a call is answered only for our own window's main frame showing our own page,
// and the backend validates the method and its payload before doing anything.
import { channelOf, isMethodName, METHOD_NAMES } from '../../shared/contract';
import { type ApiResponse } from '../../shared/errors';
import type { ChangeEvent } from '../../shared/changes';
import { CHANGE } from './channels';
import { isAppUrl, type AppLocation } from './urls';

/** The parts of an Electron frame the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly frameToken: string;
  readonly parent: FrameLike | null;
}

export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The slice of `ipcMain` used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
}

export interface Dispatcher {
  dispatch(method: string, payload: unknown): Promise<ApiResponse<unknown>>;
}

export type SenderCheck = (event: InvokeEventLike) => boolean;

const FORBIDDEN: ApiResponse<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from the Handover Workbook window.' },
};

/**
 * Registers `handover:<method>` for every method in `methods` (the whole table by default).
 * Throws before registering anything if a name is not in the API table, so no stray channel
 * can ever exist; channels that are not registered have no handler, and invoking them fails.
 */
export function registerApi(
  ipc: IpcMainLike,
  backend: Dispatcher,
  isTrustedSender: SenderCheck,
  methods: readonly string[] = METHOD_NAMES,
): void {
  const unknown = methods.filter((m) => !isMethodName(m));
  if (unknown.length > 0) throw new Error(`Refusing to register IPC channels outside the API table: ${unknown.join(', ')}`);
  for (const method of methods) {
    if (!isMethodName(method)) continue; // narrowed above; kept for the type
    ipc.handle(channelOf(method), async (event, payload) => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      try {
        return await backend.dispatch(method, payload);
      } catch (err) {
        // dispatch() promises never to throw; if it does, the page still gets the one error shape.
        const message = err instanceof Error ? err.message : String(err);
        return { ok: false, error: { code: 'INTERNAL', message } } satisfies ApiResponse<never>;
      }
    });
  }
}

/** The parts of the window the sender check needs. */
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike };
}

/**
 * True when the call comes from `win`'s main frame (not an iframe, not another window) and that
 * frame shows our renderer (the built index.html, or the dev server during development).
 */
export function isOwnMainFrame(event: InvokeEventLike, win: WindowLike | null, app: AppLocation): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || frame.parent !== null) return false;
  const main = win.webContents.mainFrame;
  // Electron hands out one wrapper per frame; comparing ids as well keeps the check right if not.
  const same = frame === main || (frame.processId === main.processId && frame.frameToken === main.frameToken);
  return same && isAppUrl(frame.url, app);
}

/** The slice of a window's webContents the change relay sends through. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Relays the backend's change events to the window (whichever is current when one arrives).
 * Only plain data crosses: the event is a structured-clonable object, so the same relay works
 * when the backend sits behind a message port. Returns the unsubscribe function.
 */
export function relayChanges(
  onChange: (listener: (event: ChangeEvent) => void) => () => void,
  target: () => EventTarget | null | undefined,
): () => void {
  return onChange((event) => {
    const t = target();
    if (t && !t.isDestroyed()) t.send(CHANGE, event);
  });
}
