// Import: choose a pack, see what it would add, update, delete (tombstones) or is in conflict, per
// kind and vendor; settle each conflict (keep mine / take theirs) or leave it to the default; then
// apply it in one transaction. A pack that fails its checks is refused and changes nothing.
import { useEffect, useRef, useState } from 'react';
import type { DefaultResolution, ImportPreview, ImportResult, PackJobKind, PackJobStatusOf, Resolution } from '../../shared/packs';
import type { FieldIssue } from '../../shared/errors';
import { api, ApiError } from '../api';
import { PackPicker, type PickedPack } from './PackPicker';
import { JobProgress } from './JobProgress';
import { JobCancelled, runPackJob } from './packJob';
import { holdOnServer, type PackSource } from './transfer';
import { usePackUnlock, type OpenedPack } from './usePackUnlock';
import { Refused, Done } from './ImportOutcome';
import { Preview } from './ImportPreview';

type State =
  | { phase: 'idle' }
  | { phase: 'reading'; pack: PickedPack; status: PackJobStatusOf<PackJobKind> | null }
  | { phase: 'preview'; pack: PickedPack; preview: ImportPreview }
  | { phase: 'applying'; pack: PickedPack; preview: ImportPreview; status: PackJobStatusOf<PackJobKind> | null }
  | { phase: 'done'; name: string; result: ImportResult }
  | { phase: 'refused'; name: string; message: string; issues: FieldIssue[] }
  | { phase: 'error'; message: string };

function discard(source: PackSource) {
  if ('upload' in source) void api['pack.discard']({ upload: source.upload }).catch(() => {});
}

export function ImportPanel() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const [def, setDef] = useState<DefaultResolution>('newer');
  // The upload this panel holds, discarded when the panel goes (leaving the Packs screen).
  const held = useRef<{ source: PackSource; letGo(): void; opened?: OpenedPack } | null>(null);
  // An encrypted pack's keys are kept only while that pack is here (preview, then apply), in `held`.
  const unlock = usePackUnlock();
  useEffect(
    () => () => {
      if (!held.current) return;
      discard(held.current.source);
      held.current.letGo();
    },
    [],
  );

  const release = () => {
    if (held.current) {
      discard(held.current.source);
      held.current.letGo();
    }
    held.current = null;
  };

  const refuse = (name: string, e: unknown) => {
    release();
    const issues = e instanceof ApiError ? (e.issues ?? []) : [];
    setState({ phase: 'refused', name, message: (e as Error).message, issues });
  };

  const cancel = () => {
    release();
    setState({ phase: 'idle' });
  };

  const read = async (pack: PickedPack) => {
    release();
    const mine: NonNullable<typeof held.current> = { source: pack.source, letGo: 'upload' in pack.source ? holdOnServer(pack.source) : () => {} };
    held.current = mine;
    setResolutions({});
    setDef('newer');
    setState({ phase: 'reading', pack, status: null });
    try {
      const opened = await unlock.open(pack);
      if (!opened) return cancel();
      mine.opened = opened;
      const preview = await runPackJob('preview', async () => api['pack.startPreview']({ ...pack.source, ...(await opened.keysInput()) }), (status) => setState({ phase: 'reading', pack, status }));
      setState({ phase: 'preview', pack, preview });
    } catch (e) {
      if (e instanceof JobCancelled) cancel();
      else refuse(pack.name, e);
    }
  };

  const apply = async () => {
    if (state.phase !== 'preview') return;
    const { pack, preview } = state;
    setState({ phase: 'applying', pack, preview, status: null });
    try {
      const keys = (await held.current?.opened?.keysInput()) ?? {};
      const result = await runPackJob('import', () => api['pack.startImport']({ ...pack.source, ...keys, resolutions, default: def }), (status) => setState({ phase: 'applying', pack, preview, status }));
      release();
      setState({ phase: 'done', name: pack.name, result });
    } catch (e) {
      // Cancelled: nothing was written; back to the preview, the pack still held.
      if (e instanceof JobCancelled) setState({ phase: 'preview', pack, preview });
      else refuse(pack.name, e);
    }
  };


  const showPicker = state.phase === 'idle' || state.phase === 'error' || state.phase === 'refused' || state.phase === 'reading';

  return (
    <section className="pack-section" aria-labelledby="pack-import-title">
      <header className="pack-section-header">
        <h2 id="pack-import-title">Import a pack</h2>
        <p className="muted">
          Merges a pack from another workbook into this one. The whole pack is checked first, then you see what would change; nothing is
          written until you apply it.
        </p>
      </header>
      {showPicker && (
        <PackPicker purpose="import" onPicked={read} onError={(message) => setState({ phase: 'error', message })} disabled={state.phase === 'reading'} />
      )}

      {unlock.form}
      {state.phase === 'reading' && !unlock.asking && <JobProgress label="Checking and comparing" name={state.pack.name} status={state.status} />}
      {state.phase === 'error' && (
        <div className="form-alert pack-alert" role="alert">
          {state.message}
        </div>
      )}
      {state.phase === 'refused' && <Refused name={state.name} message={state.message} issues={state.issues} />}
      {(state.phase === 'preview' || state.phase === 'applying') && (
        <Preview
          name={state.pack.name}
          preview={state.preview}
          resolutions={resolutions}
          onResolve={(id, r) => setResolutions((s) => ({ ...s, [id]: r }))}
          def={def}
          onDefault={setDef}
          applying={state.phase === 'applying'}
          onApply={apply}
          onCancel={cancel}
        />
      )}
      {state.phase === 'applying' && <JobProgress label="Importing" name={state.pack.name} status={state.status} />}
      {state.phase === 'done' && <Done name={state.name} result={state.result} onAgain={() => setState({ phase: 'idle' })} />}
    </section>
  );
}
