// A demo vendor's exit checklist, started from a built-in template and worked on as a real team
// would be by now: items due long ago mostly done, a few blocked with a reason, some overdue.
import { randomUUID } from 'node:crypto';
import { addDays, daysBetween } from '../../../shared/dates';
import type { BuiltinTemplate } from '../../../shared/templates';
import type { Db } from '../store/open';
import { prepared } from '../store/prepared';

export interface DemoProcess {
  id: string;
  name: string;
  ktStage: string;
}

const BLOCK_REASONS = [
  'Waiting for the vendor to share admin credentials',
  'Licensor has not answered the consent request',
  'Vendor engineer on leave until next month',
  'Needs a change window approved by the CAB',
  'Contract clause disputed by the vendor’s legal team',
];

export function demoChecklist(db: Db, o: {
  vendorId: string; exitDate: string; today: string; now: string; processes: DemoProcess[]; owners: string[];
  budget: number | undefined; rand: () => number; template: BuiltinTemplate;
}): number {
  const templateId = (prepared(db, 'SELECT id FROM templates WHERE builtin = ?').get(o.template.key) as { id: string } | undefined)?.id ?? null;
  const checklistId = randomUUID();
  prepared(db, 'INSERT INTO checklists (id, vendor_id, name, template_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(checklistId, o.vendorId, o.template.name, templateId, o.now, o.now);
  const insert = prepared(db, `INSERT INTO checklist_items (id, checklist_id, vendor_id, position, phase, title, description, owner_role, owner_id,
    offset_days, due_date, due_manual, status, blocked_reason, evidence, process_id, completed_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`);
  let position = 0;
  const budget = o.budget ?? Infinity;
  const add = (phase: number, title: string, description: string, role: string, offset: number, processId: string | null, ktStage?: string) => {
    if (position >= budget) return;
    const due = addDays(o.exitDate, offset);
    const late = daysBetween(due, o.today);
    let status: string;
    if (ktStage) status = ktStage === 'signed_off' ? 'done' : ktStage === 'not_started' ? 'todo' : 'in_progress';
    else if (late > 20) status = o.rand() < 0.8 ? 'done' : o.rand() < 0.5 ? 'blocked' : 'in_progress';
    else if (late > -30) status = ['todo', 'in_progress', 'in_progress', 'done', 'blocked'][Math.floor(o.rand() * 5)]!;
    else status = o.rand() < 0.1 ? 'in_progress' : 'todo';
    const reason = status === 'blocked' ? BLOCK_REASONS[Math.floor(o.rand() * BLOCK_REASONS.length)]! : '';
    const owner = o.rand() < 0.85 ? o.owners[Math.floor(o.rand() * o.owners.length)]! : null;
    insert.run(randomUUID(), checklistId, o.vendorId, position++, phase, title, description, role, owner, offset, due, status, reason,
      status === 'done' ? 'Confirmed in the weekly exit meeting.' : '', processId, status === 'done' ? o.now : null, o.now, o.now);
  };
  for (const t of o.template.items) {
    if (!t.perProcess) add(t.phase, t.title, t.description, t.ownerRole, t.offsetDays, null);
    else for (const p of o.processes) add(t.phase, `${t.title}: ${p.name}`, t.description, t.ownerRole, t.offsetDays, p.id, p.ktStage);
  }
  // Past the template, the team's own follow-ups fill the budget (scale tests).
  for (let n = 1; Number.isFinite(budget) && position < budget; n++) {
    const phase = n % 7;
    add(phase, `Follow-up ${n}: ${['check access list', 'confirm with vendor', 'update runbook', 'verify restore', 'chase licensor', 'review invoice', 'archive evidence'][phase]}`,
      'Done when the follow-up is confirmed in writing.', 'Backup engineer', -150 + ((n * 7) % 240), null);
  }
  return position;
}
