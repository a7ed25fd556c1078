// One handler per method of the contract. The dispatcher has already validated the input against
// the method's schema, so a handler receives typed, checked values.
import type { AppInfo, CreateInput, ListInput, MethodName, ParsedInputOf, ResultOf, UpdateInput } from '../../../shared/contract';
import { localToday } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import type { RecordKind } from '../../../shared/records';
import { generateDemo } from '../demo/generate';
import { costTotals } from '../../../shared/costs';
import { activityEntry, listActivity } from '../store/activity';
import { verifyActivityChainSince } from '../store/activityChain';
import { liveCostsOf } from '../store/costs';
import { SCHEMA_VERSION } from '../store/migrations';
import { deadlineNotificationsOn, getSetting, setDeadlineNotifications, setSetting } from '../store/settings';
import { anyLiveVendor, workbookIsEmpty } from '../store/vendors';
import { addAttachmentFromPath, listAttachments, openAttachment, removeAttachment, saveAttachmentAs } from '../services/attachments';
import { actor, describeChange, inWrite, nowIso, type ServiceContext } from '../services/context';
import { search, stats, vendorSummaries } from '../services/overview';
import {
  createRecord, deleteRecord, getRecordService, listRecordsService, restoreRecord, updateRecordService,
} from '../services/records';
import { reportHtml } from '../pack/report-page';
import { deletionLetter, deletionScopeOf } from '../pack/deletion-letter';
import {
  addItem, checklistAsTemplateItems, itemLinks, linkItem, listChecklists, listItems, myTasks, renameChecklist, setChecklistDeleted,
  setItemDeleted, setItemKtStage, signOffItem, startChecklist, unlinkItem, updateItem,
} from '../services/checklists';
import { contractLinks, linkContract, unlinkContract } from '../services/contractLinks';
import { handOverAndDelete, personReferences } from '../services/people';
import { dashboardRows, vendorOverview } from '../services/readiness';
import { itemRegisterOpen } from '../services/itemRegister';
import { listDeadlines } from '../services/deadlines';
import { calendarAlarms, exportCalendar, setCalendarAlarms } from '../services/calendar';
import { createTemplate, deleteTemplate, duplicateTemplate, getTemplate, listTemplates, updateTemplate } from '../services/templates';
import type { PackJobs } from '../pack/jobs';
import { forgetSigner, keepSigner, listSigners } from '../pack/signers';
import { packEncryption } from '../pack/encrypted';
import { packKeysOf } from '../pack/keyInput';
import { forgetMapping, inspectSheet, previewSheet, rememberedMappings } from '../sheets/service';
import { resolveSource, sheetJobs, sheetTemplate } from '../sheets/handlers';
import type { UndoHistory } from './history';
import { checkDestination } from '../services/destination';

export interface HandlerEnv {
  ctx: ServiceContext;
  appVersion: string;
  openFile: ((path: string) => Promise<void>) | undefined;
  canSwitchWorkbook: boolean;
  /** Pack jobs (export, verify, preview, import), uploads and the write gate of this backend. */
  packs: PackJobs;
  /** Native dialogs and printing, where the face has them (desktop). */
  dialogs: FaceDialogs | undefined;
  /** This session's undo and redo steps. */
  history: UndoHistory;
  /** The better-sqlite3 binary of another ABI (the desktop's), for connections a handler opens itself. */
  nativeBinding?: string | undefined;
}

/** What only the desktop shell can do for the backend: native dialogs and printing to PDF. */
export interface FaceDialogs {
  openPack(): Promise<string | null>;
  /** An age identity file to open an encrypted pack with (the native open dialog); null when cancelled. Optional: older shells lack it. */
  openIdentity?(): Promise<string | null>;
  savePack(suggestedName: string): Promise<string | null>;
  /** Where to save a copy of an attachment (the native save dialog, which asks before replacing); null when cancelled. */
  saveAttachment(suggestedName: string): Promise<string | null>;
  /** A spreadsheet to import (the native open dialog, CSV, TSV, text and XLSX); null when cancelled. */
  openSheet(): Promise<string | null>;
  /** Where to save a blank sheet template (the native save dialog, which asks before replacing); null when cancelled. */
  saveTemplate(suggestedName: string): Promise<string | null>;
  /** Where to save an iCalendar file (the native save dialog, which asks before replacing); null when cancelled. Optional: older shells lack it. */
  saveCalendar?(suggestedName: string): Promise<string | null>;
  /**
   * Prints a self-contained HTML page to a PDF file the user picks; null when cancelled. The
   * picked path goes through `check` (checkDestination) before anything is written to it.
   * `running` is what every page's header and footer name: the report and its date.
   */
  printToPdf(html: string, suggestedName: string, check: (path: string) => string, running: { title: string; date: string }): Promise<string | null>;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>, env: HandlerEnv) => ResultOf<M> | Promise<ResultOf<M>>;
};

const STAGED = Symbol('staged');

/**
 * Marks a write handler that does file work before it writes (copying an attachment in, reading a
 * pack) or loads in bulk: the dispatcher then opens no transaction around it; its write part is the
 * service's own write scope (inWrite), which logs and commits the same way. Every other write handler runs whole
 * inside the dispatcher's transaction, and must be synchronous (SQLite cannot hold it across awaits).
 */
export function staged<F extends (input: never, env: HandlerEnv) => Promise<unknown>>(handler: F): F {
  return Object.assign(handler, { [STAGED]: true });
}

export function isStaged(handler: unknown): boolean {
  return typeof handler === 'function' && STAGED in handler;
}

/** A printed page's suggested file name: its title, with what file systems refuse in a name replaced. */
const pdfName = (title: string) => `${title.replace(/[\\/:*?"<>|]/g, '-')}.pdf`;
/** The save dialog asked before replacing an existing file; a workbook or its files are still refused. */
const pdfCheck = (env: HandlerEnv) => (path: string) => checkDestination(path, { field: 'path', extension: '.pdf', workbookPath: env.ctx.workbookPath, replace: true });

/** What an apply job of this backend runs with: its write gate and its SQLite binary. */
const applyJobOptions = (env: HandlerEnv) => ({ gate: env.packs.writeGate, nativeBinding: env.nativeBinding });

/**
 * A job's write committed without passing the dispatcher (a started sheet import): announced to
 * the faces from its entry on, and made the step an undo takes back, as the dispatcher would.
 */
function announceOwnWrite(env: HandlerEnv, activityId: string, method: MethodName): void {
  // Another workbook opened while the job ran: its faces and its history are not this one's.
  if (!env.ctx.db.open) return;
  const entry = activityEntry(env.ctx.db, activityId);
  if (!entry) return;
  env.packs.announceWrite(entry.seq - 1);
  env.history.committed(method, { activityId, summary: entry.summary });
}

/** Today where the user is: due dates and overdue are calendar days. */
const today = (env: HandlerEnv) => localToday(env.ctx.clock.now());

function appInfo(env: HandlerEnv): AppInfo {
  const { db } = env.ctx;
  return {
    appVersion: env.appVersion,
    schemaVersion: SCHEMA_VERSION,
    workbookId: getSetting(db, 'workbook_id') ?? '',
    workbookPath: env.ctx.workbookPath,
    userName: actor(env.ctx),
    canOpenFiles: env.openFile !== undefined,
    canSwitchWorkbook: env.canSwitchWorkbook,
    canPickFiles: env.dialogs !== undefined,
    canPrintToPdf: env.dialogs !== undefined,
    empty: workbookIsEmpty(db),
    deadlineNotifications: deadlineNotificationsOn(db),
  };
}

/** The six record methods of one kind, typed by the kind: no cast between them and the contract. */
function crudOf<K extends RecordKind>(kind: K) {
  return {
    create: (input: CreateInput<K>, env: HandlerEnv) => createRecord(env.ctx, kind, input),
    update: (input: UpdateInput<K>, env: HandlerEnv) => updateRecordService(env.ctx, kind, input),
    delete: (input: { id: string }, env: HandlerEnv) => deleteRecord(env.ctx, kind, input.id),
    restore: (input: { id: string }, env: HandlerEnv) => restoreRecord(env.ctx, kind, input.id),
    get: (input: { id: string }, env: HandlerEnv) => getRecordService(env.ctx, kind, input.id),
    list: (input: ListInput, env: HandlerEnv) => listRecordsService(env.ctx, kind, input),
  };
}

type CrudName = `${RecordKind}.${'create' | 'update' | 'delete' | 'restore' | 'get' | 'list'}`;

const SPECIAL: Omit<Handlers, CrudName> = {
  'app.info': (_input, env) => appInfo(env),
  'settings.setUserName': (input, env) => {
    const before = actor(env.ctx);
    setSetting(env.ctx.db, 'user_name', input.userName);
    describeChange(env.ctx, {
      action: 'settings', kind: 'settings', recordId: null, vendorId: null, summary: `User name changed from “${before}” to “${input.userName}”`,
    });
    return appInfo(env);
  },
  'settings.setDeadlineNotifications': (input, env) => {
    setDeadlineNotifications(env.ctx.db, input.enabled);
    describeChange(env.ctx, {
      action: 'settings', kind: 'settings', recordId: null, vendorId: null, summary: `Deadline notifications turned ${input.enabled ? 'on' : 'off'}`,
    });
    return appInfo(env);
  },
  'signers.list': (_input, env) => listSigners(env.ctx.db),
  'signers.trust': (input, env) => {
    const signer = keepSigner(env.ctx.db, input, nowIso(env.ctx));
    describeChange(env.ctx, {
      action: 'settings', kind: 'settings', recordId: null, vendorId: null,
      summary: `Trusted the signing key ${signer.fingerprint} for packs from workbook “${signer.workbookName}” (${signer.workbookId})`,
    });
    return signer;
  },
  'signers.forget': (input, env) => {
    const removed = forgetSigner(env.ctx.db, input.workbookId);
    if (removed) {
      describeChange(env.ctx, { action: 'settings', kind: 'settings', recordId: null, vendorId: null, summary: `Forgot the signing key kept for packs from workbook ${input.workbookId}` });
    }
    return { removed };
  },
  // A bulk load: its own transaction, with a checkpoint after it that cannot run inside one.
  'demo.load': staged(async (_input: ParsedInputOf<'demo.load'>, env: HandlerEnv) => {
    if (anyLiveVendor(env.ctx.db)) throw new ApiError('CONFLICT', 'The demo is only loaded into an empty workbook; this one already has vendors.');
    const now = env.ctx.clock.now();
    return generateDemo(env.ctx.db, { today: localToday(now), now: now.toISOString(), actor: actor(env.ctx) });
  }),
  'stats.get': (_input, env) => stats(env.ctx.db),
  'cost.totals': (input, env) => costTotals(liveCostsOf(env.ctx.db, input.vendorId)),
  'vendor.summaries': (_input, env) => vendorSummaries(env.ctx.db, today(env)),
  'search.query': (input, env) => search(env.ctx.db, input),
  'activity.list': (input, env) => listActivity(env.ctx.db, input),
  'activity.verifyChain': (_input, env) => verifyActivityChainSince(env.ctx.db),
  'attachment.addFile': staged(async (input: ParsedInputOf<'attachment.addFile'>, env: HandlerEnv) => {
    // The same rule as packs' paths: a face whose page may not name files on this computer uploads instead.
    if (!env.packs.allowPaths) throw new ApiError('FORBIDDEN', 'path: this face cannot name files on the computer; upload the file instead.', [{ field: 'path', message: 'is not allowed here' }]);
    return addAttachmentFromPath(env.ctx, input);
  }),
  'attachment.list': (input, env) => listAttachments(env.ctx, input),
  'attachment.saveAs': (input, env) => saveAttachmentAs(env.ctx, input.id, env.dialogs?.saveAttachment),
  'attachment.open': (input, env) => openAttachment(env.ctx, input.id, env.openFile),
  'attachment.remove': (input, env) => removeAttachment(env.ctx, input),
  'template.list': (_input, env) => listTemplates(env.ctx.db),
  'template.get': (input, env) => getTemplate(env.ctx.db, input.id),
  'template.create': (input, env) => createTemplate(env.ctx, input),
  'template.update': (input, env) => updateTemplate(env.ctx, input),
  'template.duplicate': (input, env) => duplicateTemplate(env.ctx, input),
  'template.delete': (input, env) => deleteTemplate(env.ctx, input.id),
  'template.fromChecklist': (input, env) => createTemplate(env.ctx, { name: input.name, items: checklistAsTemplateItems(env.ctx, input.checklistId) }),
  'checklist.start': (input, env) => startChecklist(env.ctx, input),
  'checklist.list': (input, env) => listChecklists(env.ctx, input.vendorId, today(env)),
  'checklist.rename': (input, env) => renameChecklist(env.ctx, input),
  'checklist.delete': (input, env) => setChecklistDeleted(env.ctx, input.id, true),
  'checklist.restore': (input, env) => setChecklistDeleted(env.ctx, input.id, false),
  'checklist.items': (input, env) => listItems(env.ctx, { ...input, today: today(env) }),
  'checklist.addItem': (input, env) => addItem(env.ctx, input),
  'checklist.updateItem': (input, env) => updateItem(env.ctx, input),
  'checklist.setKtStage': (input, env) => setItemKtStage(env.ctx, input),
  'checklist.signOff': (input, env) => signOffItem(env.ctx, input),
  'checklist.deleteItem': (input, env) => setItemDeleted(env.ctx, input.id, true),
  'checklist.restoreItem': (input, env) => setItemDeleted(env.ctx, input.id, false),
  'checklist.link': (input, env) => linkItem(env.ctx, input),
  'checklist.unlink': (input, env) => unlinkItem(env.ctx, input),
  'checklist.links': (input, env) => itemLinks(env.ctx, input.itemId),
  'checklist.registerOpen': (input, env) => itemRegisterOpen(env.ctx, input.itemId),
  'contract.link': (input, env) => linkContract(env.ctx, input),
  'contract.unlink': (input, env) => unlinkContract(env.ctx, input),
  'contract.links': (input, env) => contractLinks(env.ctx, input.contractId),
  'checklist.myTasks': (input, env) => myTasks(env.ctx, input, today(env)),
  'readiness.vendor': (input, env) => {
    const overview = vendorOverview(env.ctx.db, input.vendorId, today(env));
    if (!overview) throw new ApiError('NOT_FOUND', `No vendor with id ${input.vendorId}`);
    return overview;
  },
  'deadlines.list': (input, env) => listDeadlines(env.ctx.db, today(env), input),
  'calendar.settings.get': (_input, env) => calendarAlarms(env.ctx.db),
  'calendar.settings.set': (input, env) => {
    const alarms = setCalendarAlarms(env.ctx.db, input);
    const said = (days: number[]) => (days.length ? days.join(', ') : 'none');
    describeChange(env.ctx, {
      action: 'settings', kind: 'settings', recordId: null, vendorId: null,
      summary: `Calendar reminders set: notice dates ${said(alarms.notice)} days before; other deadlines ${said(alarms.other)}`,
    });
    return alarms;
  },
  'calendar.export': (input, env) => exportCalendar(env.ctx.db, today(env), env.ctx.clock.now(), input, {
    workbookPath: env.ctx.workbookPath, checkedPath: (path, field) => env.packs.checkedPath(path, field), ask: env.dialogs?.saveCalendar,
  }),
  'dashboard.get': async (_input, env) => {
    const { rows, recordHistory } = await dashboardRows(env.ctx.db, today(env));
    if (recordHistory) {
      // The history write (a commit) in a task of its own: right after an import, with the page
      // cache cold, reading and committing in one go held the event loop for about 100 ms.
      await new Promise((resolve) => setImmediate(resolve));
      if (env.ctx.db.open) recordHistory();
    }
    return rows;
  },
  'history.state': (_input, env) => env.history.state(env.ctx),
  // The state after the step: the committed undo lands on the redo side when the dispatcher announces it.
  'history.undo': (_input, env) => {
    env.history.undo(env.ctx);
    return env.history.state(env.ctx);
  },
  'history.redo': (_input, env) => {
    env.history.redo(env.ctx);
    return env.history.state(env.ctx);
  },
  'person.references': (input, env) => personReferences(env.ctx, input.id),
  'person.handOverAndDelete': (input, env) => handOverAndDelete(env.ctx, input),
  'app.pickFile': async (input, env) => {
    if (!env.dialogs) throw new ApiError('UNSUPPORTED', 'This face has no file dialogs: upload or download the file instead.');
    if (input.purpose === 'open-pack') return { path: await env.dialogs.openPack() };
    if (input.purpose === 'open-sheet') return { path: await env.dialogs.openSheet() };
    if (input.purpose === 'open-identity') {
      if (!env.dialogs.openIdentity) throw new ApiError('UNSUPPORTED', 'This face cannot pick an identity file.');
      return { path: await env.dialogs.openIdentity() };
    }
    const path = await env.dialogs.savePack(input.suggestedName ?? 'transition-pack.zip');
    // The native save dialog asked before the user picked an existing file.
    if (path) env.packs.userChoseToReplace(path);
    return { path };
  },
  'report.html': (input, env) => reportHtml(env.ctx, env.appVersion, input, {}, env.nativeBinding),
  'report.printToPdf': async (input, env) => {
    if (!env.dialogs) throw new ApiError('UNSUPPORTED', 'This face prints with the browser: open the report and use its print.');
    // The shell's printer draws the header and footer on every page, so the page draws none itself.
    const { title, html, running } = reportHtml(env.ctx, env.appVersion, input, { runningHeader: false }, env.nativeBinding);
    return { path: await env.dialogs.printToPdf(html, pdfName(title), pdfCheck(env), running) };
  },
  'dataset.deletionScope': (input, env) => deletionScopeOf(env.ctx.db, input.vendorId, today(env)),
  'dataset.deletionLetter': (input, env) => {
    const { title, html } = deletionLetter(env.ctx, input);
    return { title, html };
  },
  // The letter is made (and refused) before the dialog opens; the request is logged once the PDF is saved.
  'dataset.deletionLetterPdf': staged(async (input: ParsedInputOf<'dataset.deletionLetterPdf'>, env: HandlerEnv) => {
    if (!env.dialogs) throw new ApiError('UNSUPPORTED', 'This face prints with the browser: open the letter and use its print.');
    const letter = deletionLetter(env.ctx, input, { runningHeader: false });
    const path = await env.dialogs.printToPdf(letter.html, pdfName(letter.title), pdfCheck(env), letter.running);
    if (path) {
      inWrite(env.ctx, () => describeChange(env.ctx, {
        action: 'request', kind: 'dataset', recordId: null, vendorId: input.vendorId,
        summary: `Deletion certificate requested from “${letter.vendorName}” for ${letter.datasets} data set${letter.datasets === 1 ? '' : 's'}, reply by ${letter.replyBy} (letter saved as ${path})`,
      }));
    }
    return { path };
  }),
  'pack.export': (input, env) => env.packs.startExport(env.ctx, env.appVersion, input),
  'pack.jobStatus': (input, env) => env.packs.status(input.jobId),
  'pack.cancel': (input, env) => env.packs.cancel(input.jobId),
  'pack.discard': async (input, env) => ({ removed: input.upload ? env.packs.discardUpload(input.upload) : await env.packs.discardJob(input.jobId ?? '') }),
  // An identity file sent as an upload or named by its path is read into the keys once, here (keyInput.ts).
  'pack.encryption': (input, env) => packEncryption(env.packs.sourcePath(input), packKeysOf(input.keys, env.packs)),
  'pack.startVerify': (input, env) => env.packs.startVerify(env.packs.sourcePath(input), packKeysOf(input.keys, env.packs), env.ctx),
  'pack.startPreview': (input, env) => env.packs.startPreview(env.ctx, env.packs.sourcePath(input), packKeysOf(input.keys, env.packs)),
  'pack.startImport': (input, env) => env.packs.startImport(env.ctx, env.packs.sourcePath(input), { resolutions: input.resolutions, default: input.default, keys: packKeysOf(input.keys, env.packs) }),
  // The one-call forms run the same jobs and wait for them.
  'pack.verify': async (input, env) => env.packs.result(env.packs.startVerify(env.packs.sourcePath(input), packKeysOf(input.keys, env.packs), env.ctx).jobId, 'verify'),
  'pack.preview': async (input, env) => env.packs.result(env.packs.startPreview(env.ctx, env.packs.sourcePath(input), packKeysOf(input.keys, env.packs)).jobId, 'preview'),
  'pack.import': staged(async (input: ParsedInputOf<'pack.import'>, env: HandlerEnv) => env.packs.result(
    env.packs.startImport(env.ctx, env.packs.sourcePath(input), { resolutions: input.resolutions, default: input.default, keys: packKeysOf(input.keys, env.packs) }).jobId, 'import',
  )),
  // Sheets in: the file is read before the apply's own write scope opens (staged).
  'sheets.inspect': (input, env) => inspectSheet(env.ctx, resolveSource(env.packs, input.source), input),
  'sheets.startPreview': (input, env) => sheetJobs(env.packs).start(env.ctx, resolveSource(env.packs, input.source), input, input.mapping),
  'sheets.jobStatus': (input, env) => sheetJobs(env.packs).status(input.jobId),
  'sheets.cancel': (input, env) => sheetJobs(env.packs).cancel(input.jobId),
  'sheets.preview': (input, env) => previewSheet(env.ctx, resolveSource(env.packs, input.source), input, input.mapping),
  // The one call waits for the same job; the dispatcher announces what it logged, as for any write.
  'sheets.apply': staged(async (input: ParsedInputOf<'sheets.apply'>, env: HandlerEnv) => {
    const jobs = sheetJobs(env.packs);
    return jobs.applied(jobs.startApply(env.ctx, resolveSource(env.packs, input.source), input, input.mapping, applyJobOptions(env)).jobId);
  }),
  'sheets.startApply': (input, env) => sheetJobs(env.packs).startApply(env.ctx, resolveSource(env.packs, input.source), input, input.mapping, {
    ...applyJobOptions(env), committed: (activityId) => announceOwnWrite(env, activityId, 'sheets.apply'),
  }),
  'sheets.template': (input, env) => sheetTemplate(env.packs, env.ctx.workbookPath, input.kind, input.format, input.destination, env.dialogs?.saveTemplate),
  'sheets.mappings': (_input, env) => rememberedMappings(env.ctx),
  'sheets.forgetMapping': (input, env) => forgetMapping(env.ctx, input.id),
};

const BY_KIND = {
  vendor: crudOf('vendor'), person: crudOf('person'), process: crudOf('process'),
  repository: crudOf('repository'), licence: crudOf('licence'), document: crudOf('document'),
  contract: crudOf('contract'), notice: crudOf('notice'), cost: crudOf('cost'),
  access: crudOf('access'), dataset: crudOf('dataset'), infrastructure: crudOf('infrastructure'),
};

// Spelled out so the compiler checks each against the contract (a kind added to RECORD_KINDS fails here until listed).
const CRUD: Pick<Handlers, CrudName> = {
  'vendor.create': BY_KIND.vendor.create, 'vendor.update': BY_KIND.vendor.update, 'vendor.delete': BY_KIND.vendor.delete, 'vendor.restore': BY_KIND.vendor.restore, 'vendor.get': BY_KIND.vendor.get, 'vendor.list': BY_KIND.vendor.list,
  'person.create': BY_KIND.person.create, 'person.update': BY_KIND.person.update, 'person.delete': BY_KIND.person.delete, 'person.restore': BY_KIND.person.restore, 'person.get': BY_KIND.person.get, 'person.list': BY_KIND.person.list,
  'process.create': BY_KIND.process.create, 'process.update': BY_KIND.process.update, 'process.delete': BY_KIND.process.delete, 'process.restore': BY_KIND.process.restore, 'process.get': BY_KIND.process.get, 'process.list': BY_KIND.process.list,
  'repository.create': BY_KIND.repository.create, 'repository.update': BY_KIND.repository.update, 'repository.delete': BY_KIND.repository.delete, 'repository.restore': BY_KIND.repository.restore,
  'repository.get': BY_KIND.repository.get, 'repository.list': BY_KIND.repository.list,
  'licence.create': BY_KIND.licence.create, 'licence.update': BY_KIND.licence.update, 'licence.delete': BY_KIND.licence.delete, 'licence.restore': BY_KIND.licence.restore, 'licence.get': BY_KIND.licence.get, 'licence.list': BY_KIND.licence.list,
  'document.create': BY_KIND.document.create, 'document.update': BY_KIND.document.update, 'document.delete': BY_KIND.document.delete, 'document.restore': BY_KIND.document.restore, 'document.get': BY_KIND.document.get, 'document.list': BY_KIND.document.list,
  'contract.create': BY_KIND.contract.create, 'contract.update': BY_KIND.contract.update, 'contract.delete': BY_KIND.contract.delete, 'contract.restore': BY_KIND.contract.restore,
  'contract.get': BY_KIND.contract.get, 'contract.list': BY_KIND.contract.list,
  'notice.create': BY_KIND.notice.create, 'notice.update': BY_KIND.notice.update, 'notice.delete': BY_KIND.notice.delete, 'notice.restore': BY_KIND.notice.restore,
  'notice.get': BY_KIND.notice.get, 'notice.list': BY_KIND.notice.list,
  'cost.create': BY_KIND.cost.create, 'cost.update': BY_KIND.cost.update, 'cost.delete': BY_KIND.cost.delete, 'cost.restore': BY_KIND.cost.restore,
  'cost.get': BY_KIND.cost.get, 'cost.list': BY_KIND.cost.list,
  'access.create': BY_KIND.access.create, 'access.update': BY_KIND.access.update, 'access.delete': BY_KIND.access.delete, 'access.restore': BY_KIND.access.restore,
  'access.get': BY_KIND.access.get, 'access.list': BY_KIND.access.list,
  'dataset.create': BY_KIND.dataset.create, 'dataset.update': BY_KIND.dataset.update, 'dataset.delete': BY_KIND.dataset.delete, 'dataset.restore': BY_KIND.dataset.restore,
  'dataset.get': BY_KIND.dataset.get, 'dataset.list': BY_KIND.dataset.list,
  'infrastructure.create': BY_KIND.infrastructure.create, 'infrastructure.update': BY_KIND.infrastructure.update, 'infrastructure.delete': BY_KIND.infrastructure.delete,
  'infrastructure.restore': BY_KIND.infrastructure.restore, 'infrastructure.get': BY_KIND.infrastructure.get, 'infrastructure.list': BY_KIND.infrastructure.list,
};

export const HANDLERS: Handlers = { ...SPECIAL, ...CRUD };
