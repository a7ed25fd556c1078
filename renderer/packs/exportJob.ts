// The export in progress, kept outside the screen: the backend runs it as a job, and this store
// polls its status (about four times a second) until it is done, failed or cancelled. In the
// desktop face the job writes where the save dialog said, so it may go on while the user looks at
// another screen (a toast says when it ends); the browser face discards its job (and the temporary
// pack) when the Packs screen is left, since the download link goes with the screen.
import { create } from 'zustand';
import type { PackExportInput, PackJobStatusOf } from '../../shared/packs';
import { api } from '../api';
import { baseName } from '../format';
import { toast, toastError } from '../ui/toasts';
import { holdOnServer } from './transfer';

export const POLL_MS = 250;

type ExportStatus = PackJobStatusOf<'export'>;

export interface ExportRun {
  jobId: string;
  /** What is being exported, for the progress line ("Acme Managed Services", "All vendors"). */
  label: string;
  status: ExportStatus;
  cancelling: boolean;
}

interface ExportState {
  run: ExportRun | null;
  /** How many Packs screens show the run; when none does, the end of the run is told in a toast. */
  watching: number;
}

export const useExport = create<ExportState>(() => ({ run: null, watching: 0 }));

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Lets go of the current job when the page goes away before the screen could discard it. */
let letGo: () => void = () => {};

function update(jobId: string, change: Partial<ExportRun>) {
  useExport.setState((s) => (s.run?.jobId === jobId ? { run: { ...s.run, ...change } } : s));
}

async function poll(jobId: string) {
  for (;;) {
    await delay(POLL_MS);
    if (useExport.getState().run?.jobId !== jobId) return;
    let status: ExportStatus;
    try {
      const answer = await api['pack.jobStatus']({ jobId });
      if (answer.kind !== 'export') throw new Error(`job ${jobId} is not an export`);
      status = answer;
    } catch (e) {
      const current = useExport.getState().run;
      if (current?.jobId !== jobId) return;
      status = { ...current.status, state: 'failed', error: { code: 'INTERNAL', message: (e as Error).message } };
    }
    update(jobId, { status });
    if (status.state !== 'running') {
      if (useExport.getState().watching === 0) tellEnd(status);
      return;
    }
  }
}

function tellEnd(status: ExportStatus) {
  if (status.state === 'done' && status.result) toast(`Pack saved: ${baseName(status.result.path)}`);
  else if (status.state === 'failed') toastError(new Error(`The export failed and left nothing behind: ${status.error?.message ?? 'unknown error'}`));
}

/** Starts an export (after forgetting a finished one). Throws the backend's refusal. */
export async function startExport(input: PackExportInput, label: string): Promise<void> {
  await clearExport();
  const { jobId } = await api['pack.export'](input);
  letGo = holdOnServer({ jobId });
  useExport.setState({
    run: { jobId, label, cancelling: false, status: { jobId, kind: 'export', state: 'running', step: 'Preparing', bytesDone: 0, bytesTotal: 0, result: null, error: null } },
  });
  void poll(jobId);
}

export async function cancelExport(): Promise<void> {
  const run = useExport.getState().run;
  if (!run || run.status.state !== 'running') return;
  update(run.jobId, { cancelling: true });
  await api['pack.cancel']({ jobId: run.jobId });
}

/** Forgets the current run; a running one is cancelled, a temporary pack removed. */
export async function clearExport(): Promise<void> {
  const run = useExport.getState().run;
  if (!run) return;
  useExport.setState({ run: null });
  letGo();
  try {
    await api['pack.discard']({ jobId: run.jobId });
  } catch {
    // Gone already (finished jobs are forgotten after a day or when the app restarts).
  }
}
