// The one client interface the renderer talks to. A transport carries a call to whichever face
// hosts the renderer (IPC in the desktop app, HTTP in the browser face); the screens never know.
import { type CommandName } from './commands';
import { API, METHOD_NAMES, type InputOf, type MethodName, type ResultOf } from './contract';
import { ApiError, type ApiResponse } from './errors';
import type { ChangeEvent } from './changes';

export type Transport = (method: MethodName, input: unknown) => Promise<ApiResponse<unknown>>;

export type HandoverClient = {
  [M in MethodName]: (input: InputOf<M>) => Promise<ResultOf<M>>;
};

/** What the desktop preload puts on `window.handover`: functions only. */
export interface HandoverBridge {
  invoke(method: MethodName, input: unknown): Promise<ApiResponse<unknown>>;
  /**
   * The path on this computer of a File the user picked or dropped (typed `unknown`: shared code
   * knows no DOM), for `attachment.addFile`; '' when it has none. Bytes never cross the bridge.
   */
  pathForFile(file: unknown): string;
  /** Called when the desktop shell opened another workbook; returns an unsubscribe function. */
  onWorkbookChanged(listener: () => void): () => void;
  /** Called after each committed write with what it changed (shared/events.ts); returns an unsubscribe function. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /** Called with each command the desktop menu sends (shared/commands.ts); returns an unsubscribe function. */
  onCommand(listener: (name: CommandName) => void): () => void;
}

export function createClient(transport: Transport): HandoverClient {
  const client = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const method of METHOD_NAMES) {
    client[method] = async (input: unknown) => {
      const response = await transport(method, input ?? {});
      if (response.ok) return response.value;
      throw new ApiError(response.error.code, response.error.message, response.error.issues);
    };
  }
  return client as unknown as HandoverClient;
}

export { API };
