// A demo vendor's exit checklist, started from a built-in template and worked on as a real team
// would be by now: items due long ago mostly done, a few blocked with a reason, some overdue.
import { randomUUID } from 'node:crypto';
import { addDays, daysBetween } from '../../../shared/dates';
import type { BuiltinItem, BuiltinTemplate } from '../../../shared/templates';
import { insertChecklist, insertItem } from '../store/checklists';
import type { Db } from '../store/open';
import { builtinTemplateCopyId } from '../store/templates';

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
  const templateId = builtinTemplateCopyId(db, o.template.key) ?? null;
  const checklistId = randomUUID();
  insertChecklist(db, { id: checklistId, vendorId: o.vendorId, name: o.template.name, templateId, now: o.now });
  let position = 0;
  const budget = o.budget ?? Infinity;
  const add = (phase: number, title: string, description: string, role: string, offset: number, processId: string | null, ktStage?: string, register?: BuiltinItem['register']) => {
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
    insertItem(db, {
      id: randomUUID(), checklistId, vendorId: o.vendorId, position: position++, phase, title, description, ownerRole: role, ownerId: owner, ownerManual: false,
      offsetDays: offset, dueDate: due, dueManual: false, status, blockedReason: reason, evidence: status === 'done' ? 'Confirmed in the weekly exit meeting.' : '',
      processId, register, completedAt: status === 'done' ? o.now : null, now: o.now,
    });
  };
  for (const t of o.template.items) {
    if (!t.perProcess) add(t.phase, t.title, t.description, t.ownerRole, t.offsetDays, null, undefined, t.register);
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
