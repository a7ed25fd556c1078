// Workbook-wide settings: its stable id, the user name written into the activity log, what it
// knows of other workbooks' packs, exports in flight.
import Database from 'better-sqlite3';
import type { Db } from './open';
import { prepared } from './prepared';

export function getSetting(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteSetting(db: Db, key: string): void {
  prepared(db, 'DELETE FROM settings WHERE key = ?').run(key);
}

/** Settings key: 'off' once the user turned deadline notifications off; absent or 'on', they are on. */
const DEADLINE_NOTIFICATIONS = 'deadline_notifications';

export function deadlineNotificationsOn(db: Db): boolean {
  return getSetting(db, DEADLINE_NOTIFICATIONS) !== 'off';
}

export function setDeadlineNotifications(db: Db, on: boolean): void {
  setSetting(db, DEADLINE_NOTIFICATIONS, on ? 'on' : 'off');
}

/** Every setting whose key starts with `prefix`, by key. */
export function settingsWithPrefix(db: Db, prefix: string): { key: string; value: string }[] {
  return prepared(db, 'SELECT key, value FROM settings WHERE key LIKE ? ORDER BY key').all(`${prefix}%`) as { key: string; value: string }[];
}

/**
 * Sets (or, given null, deletes) a setting through a short-lived connection of its own, for a
 * caller that holds only a read-only one. Returns whether it was written: best effort, a busy or
 * read-only workbook only answers false.
 */
export function writeSettingApart(workbookPath: string, nativeBinding: string | undefined, key: string, value: string | null): boolean {
  let db: Db | null = null;
  try {
    db = new Database(workbookPath, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('busy_timeout = 2000');
    if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, value);
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
