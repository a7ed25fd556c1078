// Verify: is a pack whole and unchanged? Every file against the size and SHA-256 its manifest
// lists, every record against its schema. Reads the pack only; the workbook is not touched.
import { useState } from 'react';
import type { PackJobStatusOf, PackVerifyReport } from '../../shared/packs';
import { api } from '../api';
import { plural } from '../format';
import { PackFacts } from './PackFacts';
import { PackPicker, type PickedPack } from './PackPicker';
import { JobProgress } from './JobProgress';
import { JobCancelled, runPackJob } from './packJob';
import { holdOnServer } from './transfer';
import { ProblemTable } from './ProblemTable';
import { usePackUnlock } from './usePackUnlock';
import { chainWords } from '../../shared/activityChain';

type State =
  | { phase: 'idle' }
  | { phase: 'checking'; name: string; status: PackJobStatusOf<'verify'> | null }
  | { phase: 'done'; name: string; report: PackVerifyReport }
  | { phase: 'error'; message: string };

export function VerifyPanel() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const unlock = usePackUnlock();

  const verify = async (pack: PickedPack) => {
    const { source, name } = pack;
    setState({ phase: 'checking', name, status: null });
    const letGo = 'upload' in source ? holdOnServer(source) : () => {};
    try {
      // An encrypted pack (told by its header) first asks for what opens it.
      const opened = await unlock.open(pack);
      if (!opened) return setState({ phase: 'idle' });
      const report = await runPackJob('verify', async () => api['pack.startVerify']({ ...source, ...(await opened.keysInput()) }), (status) => setState({ phase: 'checking', name, status }));
      setState({ phase: 'done', name, report });
    } catch (e) {
      if (e instanceof JobCancelled) setState({ phase: 'idle' });
      else setState({ phase: 'error', message: `Could not check ${name}: ${(e as Error).message}` });
    } finally {
      // The upload has served its purpose; the file stays with the user.
      letGo();
      if ('upload' in source) void api['pack.discard']({ upload: source.upload }).catch(() => {});
    }
  };

  return (
    <section className="pack-section" aria-labelledby="pack-verify-title">
      <header className="pack-section-header">
        <h2 id="pack-verify-title">Verify a pack</h2>
        <p className="muted">
          Checks that a pack is whole and unchanged: every file against the size and SHA-256 its manifest lists, and every record against its
          schema. The workbook is not changed.
        </p>
      </header>
      <PackPicker purpose="verify" onPicked={verify} onError={(message) => setState({ phase: 'error', message })} disabled={state.phase === 'checking'} />

      {unlock.form}
      {state.phase === 'checking' && !unlock.asking && <JobProgress label="Checking" name={state.name} status={state.status} />}
      {state.phase === 'error' && (
        <div className="form-alert pack-alert" role="alert">
          {state.message}
        </div>
      )}
      {state.phase === 'done' && <VerifyResult name={state.name} report={state.report} />}
    </section>
  );
}

function VerifyResult({ name, report }: { name: string; report: PackVerifyReport }) {
  if (report.ok) {
    return (
      <div className="pack-result pack-result-ok" role="status">
        <h3 className="pack-result-title">
          <span className="pack-result-icon" aria-hidden="true">
            ✓
          </span>
          {name} is intact
        </h3>
        <p className="pack-result-text">Every file matches its manifest and every record is well formed.</p>
        {report.history && (
          <p className={report.history.intact ? 'pack-result-text' : 'pack-result-text pack-history-broken'}>
            {chainWords(report.history)}{report.history.intact ? ', each chained to the one before.' : '. The workbook that made the pack holds a log changed outside the app.'}
          </p>
        )}
        {report.manifest && <PackFacts pack={report.manifest} label="What the pack holds" />}
      </div>
    );
  }
  return (
    <div className="pack-result pack-result-bad" role="alert">
      <h3 className="pack-result-title">
        <span className="pack-result-icon" aria-hidden="true">
          ✕
        </span>
        {name} is damaged: {plural(report.problems.length, 'problem', 'problems')}
      </h3>
      <p className="pack-result-text">Do not rely on this pack; ask for a new one. Importing it would be refused.</p>
      <ProblemTable problems={report.problems} label="Problems found" />
      {report.manifest && (
        <details className="pack-details">
          <summary>What its manifest claims</summary>
          <PackFacts pack={report.manifest} label="What the manifest claims" />
        </details>
      )}
    </div>
  );
}
