// A fresh workbook per test, with a fixed clock and predictable ids, so results repeat exactly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaceDialogs } from '../../electron/core/api/handlers';
import { createBackend, type Backend } from '../../electron/core/backend';
import type { Attachment, AttachmentOwnerField, InputOf, MethodName, ResultOf } from '../../shared/contract';
import type { ApiErrorBody } from '../../shared/errors';

export interface TestWorkbook {
  backend: Backend;
  dir: string;
  path: string;
  /** Calls a method and returns its value; fails the test with the error if it was refused. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>>;
  /** Calls a method that must be refused and returns the error. */
  refuse(method: string, input: unknown): Promise<ApiErrorBody>;
  /**
   * Attaches bytes as a face does: written to a file of their own in a temporary folder, then
   * `attachment.addFile` with its path (bytes never travel in a call).
   */
  attach(input: { [F in AttachmentOwnerField]?: string } & { fileName: string; content: Uint8Array | string }): Promise<Attachment>;
  /** Row counts of every table, to prove a refused write changed nothing. */
  counts(): Record<string, number>;
  close(): void;
}

export function fixedClock(start = '2026-03-01T09:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date((t += 1000)) };
}

export function sequentialIds() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** What TestWorkbook.attach does, for every kind of test workbook. */
export function attachThroughFile(wb: Pick<TestWorkbook, 'call' | 'dir'>, input: Parameters<TestWorkbook['attach']>[0]): Promise<Attachment> {
  const { content, fileName, ...owner } = input;
  // A file of its own under a neutral name (the attachment's name is given apart), so any name can be tested.
  const path = join(mkdtempSync(join(wb.dir, 'to-attach-')), 'file');
  writeFileSync(path, content);
  return wb.call('attachment.addFile', { ...owner, path, fileName });
}

export function makeWorkbook(options: { openFile?: (p: string) => Promise<void>; dialogs?: FaceDialogs } = {}): TestWorkbook {
  const dir = mkdtempSync(join(tmpdir(), 'hw-test-'));
  const path = join(dir, 'test.sqlite');
  const backend = createBackend({ workbookPath: path, appVersion: '0.0.0-test', clock: fixedClock(), newId: sequentialIds(), ...options });
  return {
    backend,
    dir,
    path,
    async call(method, input) {
      const r = await backend.dispatch(method, input);
      if (!r.ok) throw new Error(`${method} refused: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    attach(input) {
      return attachThroughFile(this, input);
    },
    async refuse(method, input) {
      const r = await backend.dispatch(method, input);
      if (r.ok) throw new Error(`${method} was accepted but should have been refused`);
      return r.error;
    },
    counts() {
      const tables = ['vendors', 'people', 'processes', 'repositories', 'licences', 'documents', 'contracts', 'contract_notices', 'exit_costs', 'attachments', 'attachment_links', 'activity', 'search_docs', 'search_fts'];
      return Object.fromEntries(tables.map((t) => [t, (backend.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    },
    close() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
