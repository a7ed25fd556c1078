// What the preload puts on `window.handover` (see HandoverBridge): functions only. The page never
// gets ipcRenderer, an IPC event or a Node API, and names outside the API table are refused here,
// before anything is sent.
import { channelOf, isMethodName } from '../../shared/contract';
import { type HandoverBridge } from '../../shared/client';
import { type ApiResponse } from '../../shared/errors';
import { WORKBOOK_CHANGED } from './channels';

/** The slice of ipcRenderer the bridge uses, so tests can pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): HandoverBridge {
  return {
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
  };
}
