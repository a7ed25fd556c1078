// What the preload puts on `window.handover` (see HandoverBridge): functions only. The page never
// gets ipcRenderer, an IPC event or a Node API, and names outside the API table are refused here,
// before anything is sent.
import { channelOf, isMethodName } from '../../shared/contract';
import { type HandoverBridge } from '../../shared/client';
import { type ApiResponse } from '../../shared/errors';
import { isCommandName } from '../../shared/commands';
import { parseChangeEvent } from '../../shared/changes';
import { CHANGE, COMMAND, WORKBOOK_CHANGED } from './channels';

/** The slice of ipcRenderer the bridge uses, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

/** Electron's webUtils.getPathForFile: the path on disk of a File the user picked or dropped ('' when it has none). */
export type PathForFile = (file: unknown) => string;

export function createBridge(ipc: IpcRendererLike, pathOf: PathForFile = () => ''): HandoverBridge {
  return {
    pathForFile(file) {
      // The page gets a path only for a File it was handed by the user; anything else (or a File
      // made in script, which has no path) answers '' instead of throwing across the bridge.
      try {
        return pathOf(file);
      } catch {
        return '';
      }
    },
    async invoke(method, input) {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method)}` } };
      }
      try {
        return (await ipc.invoke(channelOf(method), input)) as ApiResponse<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    onWorkbookChanged(listener) {
      if (typeof listener !== 'function') throw new TypeError('onWorkbookChanged needs a function');
      // A wrapper, so the page's listener never receives the IPC event (it holds `sender`).
      const wrapped = () => listener();
      ipc.on(WORKBOOK_CHANGED, wrapped);
      return () => {
        ipc.removeListener(WORKBOOK_CHANGED, wrapped);
      };
    },
    onChange(listener) {
      if (typeof listener !== 'function') throw new TypeError('onChange needs a function');
      // Only the event's data reaches the page, and only in the shape of a change event.
      const wrapped = (_event: unknown, data: unknown) => {
        const change = parseChangeEvent(data);
        if (change) listener(change);
      };
      ipc.on(CHANGE, wrapped);
      return () => {
        ipc.removeListener(CHANGE, wrapped);
      };
    },
    onCommand(listener) {
      if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
      // Only the command's name reaches the page, and only a name from the list.
      const wrapped = (_event: unknown, name: unknown) => {
        if (isCommandName(name)) listener(name);
      };
      ipc.on(COMMAND, wrapped);
      return () => {
        ipc.removeListener(COMMAND, wrapped);
      };
    },
  };
}
