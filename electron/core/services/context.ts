// What every service needs: the open database, where the workbook lives, a clock and an id source
// (both injectable so tests are repeatable), and who is acting.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ActivityEntry } from '../../../shared/contract';
import { logActivity } from '../store/activity';
import type { Db } from '../store/open';
import { getSetting } from '../store/settings';

export interface Clock {
  now(): Date;
}

export interface ServiceContext {
  db: Db;
  workbookPath: string;
  clock: Clock;
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomId = () => randomUUID();

export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

export function actor(ctx: ServiceContext): string {
  return getSetting(ctx.db, 'user_name') ?? defaultUserName();
}

export function defaultUserName(): string {
  try {
    return userInfo().username || 'me';
  } catch {
    return 'me';
  }
}

/**
 * What a service says it changed; the write scope turns each into an activity entry, so no
 * service writes the log itself (the id, time and actor are the scope's).
 */
export interface Change {
  action: ActivityEntry['action'];
  kind: string;
  recordId: string | null;
  vendorId: string | null;
  summary: string;
  changes?: unknown;
}

/** A change as the log holds it. */
export interface LoggedChange extends Change {
  activityId: string;
}

// The changes described inside the write scope open on each database (one at a time: SQLite
// has one writer per connection and better-sqlite3 runs a transaction synchronously).
const openScopes = new WeakMap<Db, Change[]>();

/** Records what the current write changed; outside a write scope it is a programming error. */
export function describeChange(ctx: ServiceContext, change: Change): void {
  const scope = openScopes.get(ctx.db);
  if (!scope) throw new Error(`A change was described outside a write: ${change.summary}`);
  scope.push(change);
}

/**
 * Runs `fn` in one immediate transaction and logs the changes it described inside that same
 * transaction: it all lands, or nothing does. Nested, it is a savepoint of the outer scope,
 * and its changes are dropped with it if it throws.
 */
export function writeScope<T>(ctx: ServiceContext, fn: () => T): { value: T; logged: LoggedChange[] } {
  const outer = openScopes.get(ctx.db);
  if (outer) {
    const mark = outer.length;
    try {
      return { value: ctx.db.transaction(fn)(), logged: [] };
    } catch (e) {
      outer.length = mark;
      throw e;
    }
  }
  const pending: Change[] = [];
  openScopes.set(ctx.db, pending);
  try {
    return ctx.db.transaction(() => {
      const value = fn();
      const at = nowIso(ctx);
      const who = actor(ctx);
      const logged = pending.map((c) => {
        const activityId = ctx.newId();
        logActivity(ctx.db, { id: activityId, at, actor: who, ...c });
        return { ...c, activityId };
      });
      return { value, logged };
    }).immediate();
  } finally {
    openScopes.delete(ctx.db);
  }
}

/** Runs a write in one immediate transaction (or a savepoint inside one): it all lands, or nothing does. */
export function inWrite<T>(ctx: ServiceContext, fn: () => T): T {
  return writeScope(ctx, fn).value;
}
