// The dry run of the import's current input: one job at a time (a newer run cancels the older),
// its progress while it runs, and the last preview with the input it was made for, so the screens
// can tell a preview that is still current from one the user's changes have made stale.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SheetJobStatus, SheetPreview, SheetRunInput } from '../../shared/sheets';
import { runDryRun, SheetRunCancelled } from './sheetJob';

export interface DryRun {
  /** The running job's status, or null when none runs. */
  status: SheetJobStatus | null;
  preview: SheetPreview | null;
  /** The input the preview was made for (as runKey gives it). */
  previewKey: string | null;
  /** The input of the running job. */
  runningKey: string | null;
  error: Error | null;
  errorKey: string | null;
}

export const runKey = (input: SheetRunInput) => JSON.stringify(input);

const IDLE: DryRun = { status: null, preview: null, previewKey: null, runningKey: null, error: null, errorKey: null };

export function useDryRun() {
  const [state, setState] = useState<DryRun>(IDLE);
  const current = useRef<AbortController | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const run = useCallback((input: SheetRunInput) => {
    const key = runKey(input);
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const live = () => current.current === controller && !controller.signal.aborted;
    setState((s) => ({ ...s, runningKey: key, status: null }));
    runDryRun(input, (status) => live() && setState((s) => ({ ...s, status })), controller.signal).then(
      (preview) => {
        if (live()) setState({ status: null, preview, previewKey: key, runningKey: null, error: null, errorKey: null });
      },
      (e: unknown) => {
        if (!live()) return;
        if (e instanceof SheetRunCancelled) setState((s) => ({ ...s, status: null, runningKey: null }));
        else setState((s) => ({ ...s, status: null, runningKey: null, error: e instanceof Error ? e : new Error(String(e)), errorKey: key }));
      },
    );
  }, []);

  /** Stops the running job; the last preview stays. */
  const cancel = useCallback(() => {
    current.current?.abort();
    current.current = null;
    setState((s) => ({ ...s, status: null, runningKey: null }));
  }, []);

  return { dryRun: state, run, cancel };
}
