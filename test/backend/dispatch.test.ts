import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { HANDLERS, type HandlerEnv, type Handlers } from '../../electron/core/api/handlers';
import { API, METHOD_NAMES } from '../../shared/contract';
import { ApiError } from '../../shared/errors';

// The dispatcher reads only the workbook's path (to tell whether an import holds it).
const env = () => ({ ctx: { workbookPath: '/nonexistent/dispatch-test.sqlite' } }) as HandlerEnv;

describe('the contract and its dispatcher', () => {
  it('has exactly one handler per method of the contract', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...METHOD_NAMES].sort());
    for (const m of METHOD_NAMES) expect(typeof HANDLERS[m], m).toBe('function');
  });

  it('refuses unknown methods, including names from Object.prototype', async () => {
    const dispatch = createDispatcher(HANDLERS, env);
    for (const name of ['vendor.drop', 'constructor', '__proto__', 'toString', '', 42]) {
      const r = await dispatch(name as string, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
  });

  it('validates the payload before the handler runs', async () => {
    let ran = false;
    const handlers = { ...HANDLERS, 'vendor.create': () => { ran = true; return {}; } } as unknown as Handlers;
    const dispatch = createDispatcher(handlers, env);
    const r = await dispatch('vendor.create', { name: 42 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ field: 'name' }] } });
    expect(ran).toBe(false);
  });

  it('answers {ok: true, value} and turns thrown errors into {ok: false, error}', async () => {
    const handlers = {
      ...HANDLERS,
      'stats.get': () => ({ totals: {}, perVendor: [] }),
      'vendor.summaries': () => { throw new ApiError('NOT_FOUND', 'nothing'); },
      'app.info': () => { throw new TypeError('boom'); },
    } as unknown as Handlers;
    const internal: unknown[] = [];
    const dispatch = createDispatcher(handlers, env, { onInternalError: (e) => internal.push(e) });
    expect(await dispatch('stats.get', {})).toEqual({ ok: true, value: { totals: {}, perVendor: [] } });
    expect(await dispatch('vendor.summaries', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'nothing' } });
    expect(await dispatch('app.info', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error: boom' } });
    expect(internal).toHaveLength(1);
  });

  it('marks which methods write', () => {
    expect(API['vendor.create'].writes).toBe(true);
    expect(API['vendor.list'].writes).toBe(false);
    expect(API['search.query'].writes).toBe(false);
  });
});
