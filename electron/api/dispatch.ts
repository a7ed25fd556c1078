// The one entry point every face calls: it rejects unknown methods, validates the payload with
// the method's schema, runs the handler and answers {ok, value} | {ok: false, error}. Never throws.
import type { z } from 'zod';
import { API, isMethodName } from '../../shared/contract';
import { ApiError, type ApiResponse, type FieldIssue } from '../../shared/errors';
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
    try {
      const handler = handlers[method] as (input: unknown, env: HandlerEnv) => unknown;
      const value = await handler(parsed.data, env());
      return { ok: true, value };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.toBody() };
      const sqliteCode = (e as { code?: unknown }).code;
      if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_CONSTRAINT')) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: `The workbook refused the change: ${(e as Error).message}` } };
      }
      if (typeof sqliteCode === 'string' && /^E[A-Z]+$/.test(sqliteCode)) {
        return { ok: false, error: { code: 'FILE_ERROR', message: `A file operation failed: ${(e as Error).message}` } };
      }
      onInternalError?.(e);
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error: ${(e as Error).message ?? String(e)}` } };
    }
  };
}
