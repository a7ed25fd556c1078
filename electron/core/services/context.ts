// What every service needs: the open database, where the workbook lives, a clock and an id source
// (both injectable so tests are repeatable), and who is acting.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
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

/** Runs a write in one immediate transaction: it all lands, or nothing does. */
export function inWrite<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.db.transaction(fn).immediate();
}
