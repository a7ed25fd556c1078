// handover readiness --db FILE [--vendor NAME_OR_ID] [--json]
import { parseArgs } from 'node:util';
import { vendorNotice } from '../../../shared/contract-deadlines';
import { localToday } from '../../../shared/dates';
import { READINESS_RULE } from '../../../shared/readiness-explain';
import { keptPositionOf } from '../../core/services/contractPositions';
import { loadReadiness } from '../../core/services/readiness';
import type { Db } from '../../core/store/open';
import { contractsByVendor } from '../../core/store/contracts';
import { liveVendorDeadlines, liveVendorNames } from '../../core/store/vendors';
import type { Io } from '../usage';
import { readingWorkbook } from '../workbookArg';

export const usage = 'handover readiness --db FILE [--vendor NAME_OR_ID] [--json]   readiness score, parts and red flags';

/** A vendor by id, by exact name (any case), or by a name prefix that only one vendor has. */
export function findVendor(db: Db, key: string): { id: string; name: string } {
  const vendors = liveVendorNames(db);
  const k = key.trim().toLowerCase();
  const exact = vendors.filter((v) => v.id === key || v.name.toLowerCase() === k);
  if (exact.length === 1) return exact[0]!;
  const prefix = vendors.filter((v) => v.name.toLowerCase().startsWith(k));
  if (prefix.length === 1) return prefix[0]!;
  const names = (exact.length ? exact : prefix).map((v) => `  ${v.name} (${v.id})`).join('\n');
  throw new Error(prefix.length || exact.length ? `"${key}" matches several vendors; give the id or the full name:\n${names}` : `No vendor named or with id "${key}"`);
}

export function readinessCommand(argv: string[], io: Io, now: () => Date = () => new Date()): number {
  const { values } = parseArgs({ args: argv, options: { db: { type: 'string' }, vendor: { type: 'string' }, json: { type: 'boolean' } } });
  return readingWorkbook(values.db, io, (db) => {
    const today = localToday(now());
    const vendorId = values.vendor ? findVendor(db, values.vendor).id : undefined;
    // Every flag named for one vendor or for JSON; the table of all vendors needs only the counts.
    const all = loadReadiness(db, today, { vendorId, detailed: Boolean(vendorId) || Boolean(values.json) });
    const vendors = liveVendorDeadlines(db);
    const contracts = contractsByVendor(db, vendorId);
    const results = vendors.filter((v) => all.has(v.id)).map((v) => ({
      vendorId: v.id, vendor: v.name, exitDate: v.exitDate, serveNoticeBy: vendorNotice(contracts.get(v.id) ?? [], today, keptPositionOf)?.serveBy ?? null, ...all.get(v.id)!,
    })).sort((a, b) => a.vendor.localeCompare(b.vendor));
    if (values.json) {
      io.out(JSON.stringify(vendorId ? results[0] : results, null, 2));
      return 0;
    }
    if (vendorId) {
      const r = results[0]!;
      io.out(`${r.vendor}: readiness ${r.score}/100 (exit ${r.exitDate ?? 'not set'}, serve notice by ${r.serveNoticeBy ?? 'unknown'})`);
      for (const p of r.parts) {
        io.out(`  ${p.label.padEnd(34)} ${p.score === null ? '   –' : String(p.score).padStart(4)}%   weight ${p.weight}`);
        io.out(`    ${p.explanation}`);
      }
      io.out(`  ${READINESS_RULE}`);
      io.out(r.flags.length ? `Red flags (${r.flags.length}):` : 'No red flags.');
      for (const f of r.flags) io.out(`  [${f.severity}] ${f.message}`);
      return 0;
    }
    io.out(`${'Vendor'.padEnd(40)} ${'Score'.padStart(5)} ${'Flags'.padStart(6)}  Exit`);
    for (const r of results) io.out(`${r.vendor.slice(0, 40).padEnd(40)} ${String(r.score).padStart(5)} ${String(r.flagCounts.high + r.flagCounts.medium).padStart(6)}  ${r.exitDate ?? '–'}`);
    return 0;
  });
}
