// The one client interface the renderer talks to. A transport carries a call to whichever face
// hosts the renderer (IPC in the desktop app, HTTP in the browser face); the screens never know.
import { API, METHOD_NAMES, type InputOf, type MethodName, type ResultOf } from './contract';
import { ApiError, type ApiResponse } from './errors';

export type Transport = (method: MethodName, input: unknown) => Promise<ApiResponse<unknown>>;

export type HandoverClient = {
  [M in MethodName]: (input: InputOf<M>) => Promise<ResultOf<M>>;
};

/** What the desktop preload puts on `window.handover`: functions only. */
export interface HandoverBridge {
  invoke(method: MethodName, input: unknown): Promise<ApiResponse<unknown>>;
  /** Called when the desktop shell opened another workbook; returns an unsubscribe function. */
  onWorkbookChanged(listener: () => void): () => void;
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
