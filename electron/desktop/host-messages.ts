// The checks each side of the backend host's port makes on what it receives (host-protocol.ts):
// a message of another shape is dropped with a line in the log, never half-handled. Payloads of
// API calls stay `unknown` here: the backend's dispatcher validates them against the contract.
import { z } from 'zod';
import { parseChangeEvent, type ChangeEvent } from '../../shared/changes';
import type { ApiResponse } from '../../shared/errors';
import type { FromHost, ToHost } from './host-protocol';

const id = z.number().int().nonnegative();
const text = z.string();

const openOptions = z.strictObject({
  workbookPath: z.string().min(1),
  appVersion: text,
  nativeBinding: text.optional(),
  packWorkerEntry: text.optional(),
});

const toHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('open'), id, options: openOptions }),
  z.strictObject({ type: z.literal('call'), id, method: text, payload: z.unknown().optional() }),
  z.strictObject({ type: z.literal('switch'), id, path: z.string().min(1) }),
  z.strictObject({ type: z.literal('close'), id }),
  z.discriminatedUnion('ok', [
    z.strictObject({ type: z.literal('face-answer'), id, ok: z.literal(true), value: text.nullable() }),
    z.strictObject({ type: z.literal('face-answer'), id, ok: z.literal(false), message: text }),
  ]),
]);

const faceRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('openPack') }),
  z.strictObject({ kind: z.literal('openIdentity') }),
  z.strictObject({ kind: z.literal('savePack'), name: text }),
  z.strictObject({ kind: z.literal('saveAttachment'), name: text }),
  z.strictObject({ kind: z.literal('openSheet') }),
  z.strictObject({ kind: z.literal('saveTemplate'), name: text }),
  z.strictObject({ kind: z.literal('saveCalendar'), name: text }),
  z.strictObject({ kind: z.literal('savePdf'), name: text }),
  z.strictObject({ kind: z.literal('printPdf'), html: text, dir: z.string().min(1), running: z.strictObject({ title: text, date: text }) }),
  z.strictObject({ kind: z.literal('openFile'), path: z.string().min(1) }),
  z.strictObject({ kind: z.literal('loadSigningKey'), workbookId: z.uuid() }),
  z.strictObject({ kind: z.literal('saveSigningKey'), workbookId: z.uuid(), secret: z.base64() }),
]);

const apiResponse = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.object({ code: text, message: text, issues: z.array(z.object({ field: text, message: text })).optional() }),
  }),
]);

const progress = z.strictObject({ bytesDone: z.number(), bytesTotal: z.number() });

const fromHost = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('opened'), id, workbookPath: text }),
  z.strictObject({ type: z.literal('failed'), id, message: text }),
  z.strictObject({ type: z.literal('result'), id, response: apiResponse }),
  z.strictObject({ type: z.literal('closed'), id }),
  z.strictObject({ type: z.literal('change'), event: z.custom<ChangeEvent>((v) => parseChangeEvent(v) !== null) }),
  z.strictObject({ type: z.literal('jobs'), running: z.array(progress) }),
  z.strictObject({ type: z.literal('face'), id, request: faceRequest }),
]);

/** What main sent, or why it is not a message of the protocol (for the log). */
export function parseToHost(data: unknown): { message: ToHost } | { problem: string } {
  const r = toHost.safeParse(data);
  return r.success ? { message: r.data } : { problem: z.prettifyError(r.error) };
}

/** What the host sent, or why it is not a message of the protocol. */
export function parseFromHost(data: unknown): { message: FromHost } | { problem: string } {
  const r = fromHost.safeParse(data);
  if (!r.success) return { problem: z.prettifyError(r.error) };
  const m = r.data;
  if (m.type !== 'result') return { message: m };
  // The error code is one of ours (the backend made it with ApiError); its shape is what was checked.
  return { message: { ...m, response: m.response as ApiResponse<unknown> } };
}
