// The one client every screen uses. Which face carries the calls is decided here, once:
// the desktop preload's bridge (IPC) when it exists, else HTTP to the browser face's server.
import { createClient, type HandoverBridge, type HandoverClient, type Transport } from '../shared/client';
import { type CommandName } from '../shared/commands';
import { ApiError, type ApiResponse } from '../shared/errors';
import { parseChangeEvent, type ChangeEvent } from '../shared/changes';
import { decodeWire, encodeWire } from '../shared/wire';

declare global {
  interface Window {
    handover?: HandoverBridge;
  }
}

/** Called when the browser face refuses our token; the app then shows a full-page error. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

/** The browser face's per-run token travels in the page URL (?token=…); the hash router keeps it. */
export function pageToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  return !!value && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

const httpTransport: Transport = async (method, input) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${pageToken()}` },
      body: encodeWire(input),
    });
  } catch {
    throw new ApiError('INTERNAL', 'Cannot reach the workbook server. Is `npm run web` still running?');
  }
  if (response.status === 401 || response.status === 403) {
    onUnauthorized();
    throw new ApiError('UNAUTHORIZED', "This page's access token is missing or wrong.");
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = decodeWire(text);
  } catch {
    throw new ApiError('INTERNAL', `The server answered ${response.status} with something that is not JSON.`);
  }
  if (!isApiResponse(body)) throw new ApiError('INTERNAL', `The server answered ${response.status} without a result.`);
  return body;
};

const bridge = typeof window !== 'undefined' ? window.handover : undefined;

const transport: Transport = bridge ? (method, input) => bridge.invoke(method, input) : httpTransport;

export const api: HandoverClient = createClient(transport);

/** True in the desktop app (the preload's bridge exists). */
export const isDesktop = !!bridge;

/** The path on disk of a File the user picked or dropped (desktop only; '' in the browser face or when it has none). */
export function pathForFile(file: File): string {
  return bridge ? bridge.pathForFile(file) : '';
}

/** Subscribes to "the desktop shell opened another workbook"; a no-op in the browser face. */
export function onWorkbookChanged(listener: () => void): () => void {
  return bridge ? bridge.onWorkbookChanged(listener) : () => {};
}

const changeListeners = new Set<(event: ChangeEvent) => void>();
const reconnectListeners = new Set<() => void>();
let changeSource: { close(): void } | null = null;

/**
 * Subscribes to "the browser face's event stream came back after a break": events sent meanwhile
 * are lost, so what is on screen may be stale. Never called on the desktop, whose IPC has no breaks.
 */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

/**
 * Subscribes to what the backend changed after each committed write, by this window or any other
 * (another tab, the CLI's writes are not announced). Desktop: the preload's IPC event; browser
 * face: one EventSource on /events for all listeners, opened with the first and closed with the last.
 */
export function onChange(listener: (event: ChangeEvent) => void): () => void {
  if (bridge) return bridge.onChange(listener);
  changeListeners.add(listener);
  if (!changeSource && typeof EventSource !== 'undefined') {
    const source = new EventSource(`/events?token=${encodeURIComponent(pageToken())}`);
    // EventSource reconnects by itself; every open after the first follows a break.
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) for (const l of [...reconnectListeners]) l();
      opened = true;
    });
    source.addEventListener('change', (message) => {
      let event: ChangeEvent | null = null;
      try {
        event = parseChangeEvent(JSON.parse((message as MessageEvent<string>).data));
      } catch {
        event = null;
      }
      if (event) for (const l of [...changeListeners]) l(event);
    });
    changeSource = source;
  }
  return () => {
    changeListeners.delete(listener);
    if (changeListeners.size === 0 && changeSource) {
      changeSource.close();
      changeSource = null;
    }
  };
}

/** Subscribes to the desktop menu's commands (shared/commands.ts); a no-op in the browser face, which has no menu. */
export function onCommand(listener: (name: CommandName) => void): () => void {
  return bridge ? bridge.onCommand(listener) : () => {};
}

export { ApiError };
