// One handler per method of the contract. The dispatcher has already validated the input against
// the method's schema, so a handler receives typed, checked values.
import type { AppInfo, CreateInput, MethodName, ParsedInputOf, ResultOf, UpdateInput } from '../../shared/contract';
import { localToday } from '../../shared/dates';
import { ApiError } from '../../shared/errors';
import { RECORD_KINDS, type RecordKind } from '../../shared/records';
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

export interface HandlerEnv {
  ctx: ServiceContext;
  appVersion: string;
  openFile: ((path: string) => Promise<void>) | undefined;
  canSwitchWorkbook: boolean;
}

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>, env: HandlerEnv) => ResultOf<M> | Promise<ResultOf<M>>;
};

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

export const HANDLERS: Handlers = {
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
  'attachment.list': (input, env) => listAttachments(env.ctx, input.documentId),
  'attachment.content': (input, env) => attachmentContent(env.ctx, input.id),
  'attachment.open': (input, env) => openAttachment(env.ctx, input.id, env.openFile),
  'attachment.remove': (input, env) => removeAttachment(env.ctx, input),
  ...(Object.assign({}, ...RECORD_KINDS.map(crudHandlers)) as object),
} as Handlers;
