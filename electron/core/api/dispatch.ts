// The one entry point every face calls: it rejects unknown methods, validates the payload with
// the method's schema, runs the handler and answers {ok, value} | {ok: false, error}. Never throws.
import type { z } from 'zod';
import { API, isMethodName } from '../../../shared/contract';
import type { ApiResponse, FieldIssue } from '../../../shared/errors';
import { malformedText } from '../../../shared/text';
import { BUSY_IMPORT_MESSAGE, importBeingApplied } from '../store/importLock';
import { knownErrorBody } from '../services/errors';
import type { HandlerEnv, Handlers } from './handlers';

export type Dispatch = (method: string, payload: unknown) => Promise<ApiResponse<unknown>>;

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.') || '(input)';
    let message = i.message;
    if (i.code === 'unrecognized_keys') {
      return { field: [...i.path.map(String), ...i.keys].join('.'), message: 'is not a known field' };
    }
    if (i.code === 'invalid_type' && message.startsWith('Invalid input')) message = `must be ${i.expected}`;
    return { field, message };
  });
}

export function createDispatcher(handlers: Handlers, env: () => HandlerEnv, onInternalError?: (e: unknown) => void): Dispatch {
  return async (method, payload) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method).slice(0, 100)}` } };
    }
    const parsed = API[method].input.safeParse(payload ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return { ok: false, error: { code: 'INVALID_INPUT', message: issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues } };
    }
    const malformed = malformedText(parsed.data);
    if (malformed) return { ok: false, error: { code: 'INVALID_INPUT', message: `${malformed.field}: ${malformed.message}`, issues: [malformed] } };
    const e0 = env();
    // While another process applies an import, a write would wait on SQLite's lock with this
    // face's event loop held; answer at once instead.
    if (API[method].writes && importBeingApplied(e0.ctx.workbookPath)) {
      return { ok: false, error: { code: 'BUSY', message: BUSY_IMPORT_MESSAGE } };
    }
    try {
      const handler = handlers[method] as (input: unknown, env: HandlerEnv) => unknown;
      const value = await handler(parsed.data, e0);
      return { ok: true, value };
    } catch (e) {
      const known = knownErrorBody(e, { workbookPath: e0.ctx.workbookPath });
      if (known) return { ok: false, error: known };
      onInternalError?.(e);
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error: ${(e as Error).message ?? String(e)}` } };
    }
  };
}
