// One handler per method of the contract. The dispatcher has already validated the input against
// the method's schema, so a handler receives typed, checked values.
import type { AppInfo, CreateInput, MethodName, ParsedInputOf, ResultOf, UpdateInput } from '../../../shared/contract';
import { localToday } from '../../../shared/dates';
import { ApiError } from '../../../shared/errors';
import { RECORD_KINDS, type RecordKind } from '../../../shared/records';
import { generateDemo } from '../demo/generate';
import { listActivity } from '../store/activity';
import { SCHEMA_VERSION } from '../store/migrations';
import { getSetting, setSetting } from '../store/settings';
import { addAttachment, attachmentContent, listAttachments, openAttachment, removeAttachment } from '../services/attachments';
import { actor, inWrite, nowIso, type ServiceContext } from '../services/context';
import { search, stats, vendorSummaries } from '../services/overview';
import {
  createRecord, deleteRecord, getRecordService, listRecordsService, restoreRecord, updateRecordService,
} from '../services/records';
import { logActivity } from '../store/activity';
import { reportHtml } from '../pack/report-page';
import {
  addItem, checklistAsTemplateItems, itemLinks, linkItem, listChecklists, listItems, myTasks, renameChecklist, setChecklistDeleted,
  setItemDeleted, setItemKtStage, signOffItem, startChecklist, unlinkItem, updateItem,
} from '../services/checklists';
import { handOverAndDelete, personReferences } from '../services/people';
import { dashboard, vendorOverview } from '../services/readiness';
import { createTemplate, deleteTemplate, duplicateTemplate, getTemplate, listTemplates, updateTemplate } from '../services/templates';
import { importPack, previewPack } from '../pack/import';
import type { PackJobs } from '../pack/jobs';
import { verifyPack } from '../pack/verify';
import { checkDestination } from '../services/destination';

export interface HandlerEnv {
  ctx: ServiceContext;
  appVersion: string;
  openFile: ((path: string) => Promise<void>) | undefined;
  canSwitchWorkbook: boolean;
  /** Pack export jobs and uploads of this backend. */
  packs: PackJobs;
  /** Native dialogs and printing, where the face has them (desktop). */
  dialogs: FaceDialogs | undefined;
}

/** What only the desktop shell can do for the backend: native dialogs and printing to PDF. */
export interface FaceDialogs {
  openPack(): Promise<string | null>;
  savePack(suggestedName: string): Promise<string | null>;
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

/** Today where the user is: due dates and overdue are calendar days. */
const today = (env: HandlerEnv) => localToday(env.ctx.clock.now());

function appInfo(env: HandlerEnv): AppInfo {
  const { db } = env.ctx;
  const anything = db.prepare('SELECT 1 FROM vendors UNION ALL SELECT 1 FROM people LIMIT 1').get();
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
    empty: anything === undefined,
  };
}

function crudHandlers(kind: RecordKind) {
  return {
    [`${kind}.create`]: (input: CreateInput<RecordKind>, env: HandlerEnv) => createRecord(env.ctx, kind, input),
    [`${kind}.update`]: (input: UpdateInput<RecordKind>, env: HandlerEnv) => updateRecordService(env.ctx, kind, input),
    [`${kind}.delete`]: (input: { id: string }, env: HandlerEnv) => deleteRecord(env.ctx, kind, input.id),
    [`${kind}.restore`]: (input: { id: string }, env: HandlerEnv) => restoreRecord(env.ctx, kind, input.id),
    [`${kind}.get`]: (input: { id: string }, env: HandlerEnv) => getRecordService(env.ctx, kind, input.id),
    [`${kind}.list`]: (input: ParsedInputOf<'vendor.list'>, env: HandlerEnv) => listRecordsService(env.ctx, kind, input),
  };
}

type CrudName = `${RecordKind}.${'create' | 'update' | 'delete' | 'restore' | 'get' | 'list'}`;

const SPECIAL: Omit<Handlers, CrudName> = {
  'app.info': (_input, env) => appInfo(env),
  'settings.setUserName': (input, env) => {
    inWrite(env.ctx, () => {
      const before = actor(env.ctx);
      setSetting(env.ctx.db, 'user_name', input.userName);
      logActivity(env.ctx.db, {
        id: env.ctx.newId(), at: nowIso(env.ctx), actor: input.userName, action: 'settings', kind: 'settings', recordId: null, vendorId: null,
        summary: `User name changed from “${before}” to “${input.userName}”`,
      });
    });
    return appInfo(env);
  },
  'demo.load': (_input, env) => {
    const hasVendors = env.ctx.db.prepare('SELECT 1 FROM vendors WHERE deleted_at IS NULL LIMIT 1').get();
    if (hasVendors) throw new ApiError('CONFLICT', 'The demo is only loaded into an empty workbook; this one already has vendors.');
    const now = env.ctx.clock.now();
    return generateDemo(env.ctx.db, { today: localToday(now), now: now.toISOString(), actor: actor(env.ctx) });
  },
  'stats.get': (_input, env) => stats(env.ctx.db),
  'vendor.summaries': (_input, env) => vendorSummaries(env.ctx.db),
  'search.query': (input, env) => search(env.ctx.db, input),
  'activity.list': (input, env) => listActivity(env.ctx.db, input),
  'attachment.add': (input, env) => addAttachment(env.ctx, input),
  'attachment.list': (input, env) => listAttachments(env.ctx, input),
  'attachment.content': (input, env) => attachmentContent(env.ctx, input.id),
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
  'checklist.myTasks': (input, env) => myTasks(env.ctx, input, today(env)),
  'readiness.vendor': (input, env) => {
    const overview = vendorOverview(env.ctx.db, input.vendorId, today(env));
    if (!overview) throw new ApiError('NOT_FOUND', `No vendor with id ${input.vendorId}`);
    return overview;
  },
  'dashboard.get': (_input, env) => dashboard(env.ctx.db, today(env)),
  'person.references': (input, env) => personReferences(env.ctx, input.id),
  'person.handOverAndDelete': (input, env) => handOverAndDelete(env.ctx, input),
  'app.pickFile': async (input, env) => {
    if (!env.dialogs) throw new ApiError('UNSUPPORTED', 'This face has no file dialogs: upload or download the file instead.');
    if (input.purpose === 'open-pack') return { path: await env.dialogs.openPack() };
    const path = await env.dialogs.savePack(input.suggestedName ?? 'transition-pack.zip');
    // The native save dialog asked before the user picked an existing file.
    if (path) env.packs.userChoseToReplace(path);
    return { path };
  },
  'report.html': (input, env) => reportHtml(env.ctx, env.appVersion, input),
  'report.printToPdf': async (input, env) => {
    if (!env.dialogs) throw new ApiError('UNSUPPORTED', 'This face prints with the browser: open the report and use its print.');
    // The shell's printer draws the header and footer on every page, so the page draws none itself.
    const { title, html, running } = reportHtml(env.ctx, env.appVersion, input, { runningHeader: false });
    // The save dialog asked before replacing an existing file; a workbook or its files are still refused.
    const check = (path: string) => checkDestination(path, { field: 'path', extension: '.pdf', workbookPath: env.ctx.workbookPath, replace: true });
    return { path: await env.dialogs.printToPdf(html, `${title.replace(/[\\/:*?"<>|]/g, '-')}.pdf`, check, running) };
  },
  'pack.export': (input, env) => env.packs.startExport(env.ctx, env.appVersion, input),
  'pack.jobStatus': (input, env) => env.packs.status(input.jobId),
  'pack.cancel': (input, env) => env.packs.cancel(input.jobId),
  'pack.discard': async (input, env) => ({ removed: input.upload ? env.packs.discardUpload(input.upload) : await env.packs.discardJob(input.jobId ?? '') }),
  'pack.verify': (input, env) => verifyPack(env.packs.sourcePath(input)),
  'pack.preview': (input, env) => previewPack(env.ctx, env.packs.sourcePath(input)),
  'pack.import': (input, env) => importPack(env.ctx, env.packs.sourcePath(input), { resolutions: input.resolutions, default: input.default }),
};

export const HANDLERS = { ...SPECIAL, ...Object.assign({}, ...RECORD_KINDS.map(crudHandlers)) } as Handlers;
