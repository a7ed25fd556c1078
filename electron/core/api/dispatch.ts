// The one entry point every face calls: it rejects unknown methods, validates the payload with
// the method's schema, runs the handler and answers {ok, value} | {ok: false, error}. Never throws.
// A method the contract marks `writes` runs in one write transaction opened here (or, for a
// handler marked `staged`, in the write scopes it opens after its file work), its activity entries
// are written by that scope, and once committed the change is announced to every face.
import type { z } from 'zod';
import { API, isMethodName, type MethodName } from '../../../shared/contract';
import type { ApiResponse, FieldIssue } from '../../../shared/errors';
import { malformedText } from '../../../shared/text';
import { changeEventOf, type ChangeEvent } from '../../../shared/changes';
import { activitySince, lastActivitySeq } from '../store/activity';
import { BUSY_IMPORT_MESSAGE, importBeingApplied } from '../store/importLock';
import { knownErrorBody } from '../services/errors';
import { writeScope } from '../services/context';
import { isStaged, type HandlerEnv, type Handlers } from './handlers';

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

export interface DispatcherOptions {
  onInternalError?: (e: unknown) => void;
  /** Called after each committed write that logged something, with what it changed, the method and the write's first entry. */
  onChange?: (event: ChangeEvent, method: MethodName, first: { activityId: string; summary: string }) => void;
  /** The backend's event counter, shared with writes that do not come through here (uploads, import jobs). */
  sequence?: { last: number };
}

export function createDispatcher(handlers: Handlers, env: () => HandlerEnv, options: DispatcherOptions = {}): Dispatch {
  const { onInternalError, onChange } = options;
  const sequence = options.sequence ?? { last: 0 };
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
      if (!API[method].writes) return { ok: true, value: await handler(parsed.data, e0) };
      const { db } = e0.ctx;
      let since = lastActivitySeq(db);
      let value: unknown;
      if (isStaged(handler)) {
        // Its file work runs first, outside any transaction; its write part opens its own scope.
        value = await handler(parsed.data, e0);
      } else {
        value = writeScope(e0.ctx, () => {
          // Read inside BEGIN IMMEDIATE: no other writer can slip an entry in between.
          since = lastActivitySeq(db);
          return handler(parsed.data, e0);
        }).value;
      }
      const entries = activitySince(db, since);
      const event = changeEventOf(sequence.last + 1, entries);
      if (event) {
        sequence.last = event.seq;
        announce(() => onChange?.(event, method, { activityId: entries[0]!.id, summary: entries[0]!.summary }), onInternalError);
      }
      return { ok: true, value };
    } catch (e) {
      const known = knownErrorBody(e, { workbookPath: e0.ctx.workbookPath });
      if (known) return { ok: false, error: known };
      onInternalError?.(e);
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error: ${(e as Error).message ?? String(e)}` } };
    }
  };
}

/** A listener that throws must not turn a committed write into an error answer. */
function announce(call: () => void, onInternalError: DispatcherOptions['onInternalError']) {
  try {
    call();
  } catch (e) {
    onInternalError?.(e);
  }
}
