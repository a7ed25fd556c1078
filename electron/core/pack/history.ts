// The activity log in a pack: history/activity.json holds the entries (the whole log, or those of the
// vendors a pack is for) with their place in the chain, and the manifest its summary (how many,
// since when, the head), so the receiver checks the chain without the workbook. An entry's changes
// travel as their SHA-256 only (store/activityChain.ts hashes them so): they hold the values of
// every field changed, which a redacted pack must not carry. A pack cut to part of a vendor's rows
// (one person's tasks) carries no log: its summaries name records the pack withholds.
import { jsonArrayLines } from './json-array';
import { z } from 'zod';
import type { ChainReport } from '../../../shared/activityChain';
import { chainEntries, checkChain, keptHead, type ChainEntry, type ChainHead } from '../store/activityChain';
import type { Db } from '../store/open';
import type { PackProblem } from '../../../shared/packs';
import { ACTIVITY } from './format';

const sha = z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a SHA-256 in lowercase hex' });
const text = (max: number) => z.string().max(max);

/** One line of history/activity.json. */
export const activityEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  id: text(100),
  at: text(40),
  actor: text(300),
  action: text(40),
  kind: text(40),
  recordId: text(100).nullable(),
  vendorId: text(100).nullable(),
  summary: text(20_000),
  changesSha256: sha.nullable(),
  prevHash: sha,
  hash: sha,
});

/** The manifest's `history`: absent in packs made before the chain, and in packs that carry no log. */
export const historyFieldSchema = z.strictObject({
  entries: z.number().int().min(0),
  /** Only the entries about the pack's vendors: each checked against its own hash, links where seqs follow. */
  partial: z.boolean(),
  since: z.string().max(40).nullable(),
  /** The head of the whole log when the pack was made (a full pack's last entry is it). */
  head: z.strictObject({ seq: z.number().int().min(0), hash: sha }).nullable(),
});
export type HistoryField = z.infer<typeof historyFieldSchema>;

/** What a pack says of the log, and the check of it the README shows, from the workbook's snapshot. */
export function packHistory(db: Db, scope: string | null): { field: HistoryField; report: ChainReport } {
  const partial = scope !== null;
  const head: ChainHead | null = keptHead(db);
  const report = checkChain(chainEntries(db, scope), { partial, head: partial ? null : head });
  return { field: { entries: report.entries, partial, since: report.since, head }, report };
}

/** history/activity.json, one entry per line (the layout inspect.ts reads). */
export function activityJson(db: Db, scope: string | null): Generator<string> {
  return jsonArrayLines(chainEntries(db, scope));
}

/**
 * The receiver's check of a pack's log: the chain of the entries it carries, and that they are what
 * the manifest says (how many; a full pack ends at the head). A broken chain is what the workbook
 * that made the pack holds, not damage to the pack: it is reported as the history, not a problem.
 */
export function checkPackHistory(entries: ChainEntry[], field: HistoryField): { report: ChainReport; problems: PackProblem[] } {
  const problems: PackProblem[] = [];
  if (entries.length !== field.entries) problems.push({ file: ACTIVITY, message: `holds ${entries.length} entries but the manifest says ${field.entries}` });
  const report = checkChain(entries, { partial: field.partial, head: field.partial ? null : field.head });
  return { report, problems };
}
