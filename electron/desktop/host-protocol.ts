// The messages between the desktop's main process and the backend host (the utility process that
// runs the backend, electron/desktop/backend-host.ts), over one MessagePort. Both sides import these
// types; each side validates what it receives (host-messages.ts). Only plain, structured-clonable
// data crosses: never file bytes (attachments and PDFs stay on disk; only their paths travel).
import type { ChangeEvent } from '../../shared/changes';
import type { ApiResponse } from '../../shared/errors';

/** How main asks the host to open a workbook (at start, and after a restart). */
export interface HostOpenOptions {
  workbookPath: string;
  appVersion: string;
  /** better-sqlite3 built for Electron's ABI. */
  nativeBinding?: string;
  /** The built pack worker's file URL (href); without it the backend starts its source through tsx. */
  packWorkerEntry?: string;
}

/** Main → host. Every request carries an id the host's answer repeats. */
export type ToHost =
  | { type: 'open'; id: number; options: HostOpenOptions }
  | { type: 'call'; id: number; method: string; payload?: unknown }
  | { type: 'switch'; id: number; path: string }
  /** Close the workbook cleanly (running exports cancelled, WAL checkpointed), answer `closed`, then exit. */
  | { type: 'close'; id: number }
  /** The answer to a host's `face` request. */
  | { type: 'face-answer'; id: number; ok: true; value: string | null }
  | { type: 'face-answer'; id: number; ok: false; message: string };

/**
 * What the host asks of main, which alone has Electron: native dialogs, the print window and the
 * operating system's "open with". Each answers a path (or null when cancelled / nothing to say).
 */
export type FaceRequest =
  | { kind: 'openPack' }
  /** An age identity file (AGE-SECRET-KEY-1…) for an encrypted pack; the host reads it, once. */
  | { kind: 'openIdentity' }
  | { kind: 'savePack'; name: string }
  | { kind: 'saveAttachment'; name: string }
  /** A spreadsheet to import (CSV, TSV, text or XLSX). */
  | { kind: 'openSheet' }
  /** Where to save a blank sheet template. */
  | { kind: 'saveTemplate'; name: string }
  /** Where to save an iCalendar (.ics) file of deadlines. */
  | { kind: 'saveCalendar'; name: string }
  /** Where to print a report to PDF; the host checks the destination before asking to print. */
  | { kind: 'savePdf'; name: string }
  /** Print `html` to a temporary PDF in `dir` (beside the checked destination); answers its path. */
  | { kind: 'printPdf'; html: string; dir: string; running: { title: string; date: string } }
  | { kind: 'openFile'; path: string }
  /** The workbook's secret signing key, kept with safeStorage by main (signing-keys.ts): base64, or null when none. */
  | { kind: 'loadSigningKey'; workbookId: string }
  | { kind: 'saveSigningKey'; workbookId: string; secret: string };

/** The running pack jobs' progress, as much as the taskbar bar needs. */
export interface JobProgress {
  bytesDone: number;
  bytesTotal: number;
}

/** Host → main. */
export type FromHost =
  /** The answer to `open` and `switch`: the workbook now open. */
  | { type: 'opened'; id: number; workbookPath: string }
  /** `open` or `switch` failed; the workbook open before (if any) stays open. */
  | { type: 'failed'; id: number; message: string }
  | { type: 'result'; id: number; response: ApiResponse<unknown> }
  | { type: 'closed'; id: number }
  | { type: 'change'; event: ChangeEvent }
  /** Sent when the running jobs' progress changed (an empty list once none runs). */
  | { type: 'jobs'; running: JobProgress[] }
  | { type: 'face'; id: number; request: FaceRequest };

/**
 * One end of the channel, whatever carries it: Electron's MessagePortMain in the app, a
 * worker_threads MessagePort in the tests. `onClose` fires when the other end went away.
 */
export interface PortLike {
  post(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
  /** Begins delivery (messages queue until then): called once the listeners are in place. */
  start(): void;
  close(): void;
}

/** The slice of Electron's MessagePortMain used (its message events carry `{ data, ports }`). */
export interface MainPortShape {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (messageEvent: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** Adapts an Electron MessagePortMain (either side: main, or the utility process). */
export function mainPortLike(port: MainPortShape): PortLike {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (e) => listener(e.data));
    },
    onClose: (listener) => {
      port.on('close', listener);
    },
    start: () => port.start(),
    close: () => port.close(),
  };
}
