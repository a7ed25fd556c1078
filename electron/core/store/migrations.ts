// The workbook's schema as an ordered list of migrations, versioned by PRAGMA user_version.
// Each migration's SQL is literal text in a file of its own under migrations/, frozen once shipped:
// the schema of a version never depends on today's code (such as the enum arrays in shared/), and
// test/backend/migrations.test.ts holds a digest of each. A change is a new file and a new entry here.
import inventory from './migrations/0001-inventory';
import checklists from './migrations/0002-checklists';
import itemsInSearch from './migrations/0003-items-in-search';
import itemOwnerManual from './migrations/0004-item-owner-manual';
import readinessCounts from './migrations/0005-readiness-counts';
import activityChain from './migrations/0006-activity-chain';
import contracts from './migrations/0007-contracts';
import exitCosts from './migrations/0008-exit-costs';
import closureRegisters from './migrations/0009-closure-registers';
import registerReadiness from './migrations/0010-register-readiness';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'inventory, people, attachments, activity, settings, search', sql: inventory },
  { version: 2, name: 'checklist templates, checklists and their items, readiness history', sql: checklists },
  { version: 3, name: 'checklist items in the search index', sql: itemsInSearch },
  { version: 4, name: 'checklist items: owner set by hand', sql: itemOwnerManual },
  { version: 5, name: 'readiness counts kept by triggers', sql: readinessCounts },
  { version: 6, name: 'activity log as a hash chain', sql: activityChain },
  { version: 7, name: 'contracts per vendor, notices served, contract links', sql: contracts },
  { version: 8, name: 'exit costs per vendor', sql: exitCosts },
  { version: 9, name: 'access and credentials, data sets, infrastructure; attachments on notices, access and data sets', sql: closureRegisters },
  { version: 10, name: 'readiness counts of the registers; the register a checklist item works on', sql: registerReadiness },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
