// Export: one vendor, several or all, with or without the attached files, with or without the
// sensitive fields; the pack is made by a background job whose progress shows here, and can be
// cancelled. The same choice of vendors prints the report (the pack's README.html).
import { useState } from 'react';
import type { PackExportInput } from '../../shared/packs';
import { localToday } from '../../shared/dates';
import { INVENTORY_KINDS } from '../../shared/records';
import { api, ApiError } from '../api';
import { useInfo } from '../app/store';
import { useApi } from '../data/useApi';
import { printReportOf } from '../palette/printReport';
import { formatBytes, formatNumber, plural } from '../format';
import { Badge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { toastError } from '../ui/toasts';
import { cancelExport, clearExport, startExport, useExport, type ExportRun } from './exportJob';
import { ProgressBar } from './ProgressBar';
import { downloadHref, suggestedPackName } from './transfer';
import { EncryptOptions } from './EncryptOptions';
import { FULL_PROFILE, ProfilePicker, profileInput, type ProfileChoice } from './ProfilePicker';
import { profileLabel } from '../../shared/pack-profiles';
import { encryptionInput, NO_ENCRYPTION, recipientIssueText, type EncryptChoice, type EncryptProblem } from './encryption';

/** Above this many vendors the list gets a filter. */
const FILTER_FROM = 8;

export function ExportPanel() {
  const info = useInfo();
  const { data: vendors, error } = useApi('vendor.summaries', {});
  const run = useExport((s) => s.run);
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set());
  const [attachments, setAttachments] = useState(true);
  const [redact, setRedact] = useState(false);
  const [profile, setProfile] = useState<ProfileChoice>(FULL_PROFILE);
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState<'export' | 'print' | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  // The passphrase lives here only: gone when the panel goes, and cleared once the export has it.
  const [encrypt, setEncrypt] = useState<EncryptChoice>(NO_ENCRYPTION);
  const [encryptProblems, setEncryptProblems] = useState<EncryptProblem[]>([]);

  if (error) {
    return (
      <div className="form-alert" role="alert">
        Could not load the vendors: {error.message}
      </div>
    );
  }
  if (!vendors) return <p className="muted" aria-busy="true">Loading the vendors…</p>;

  // Only vendors that still exist count (one may have been deleted since it was ticked).
  const selected = vendors.filter((v) => chosen.has(v.vendor.id));
  const scope: Pick<PackExportInput, 'all' | 'vendorIds'> | null = all ? { all: true } : selected.length ? { vendorIds: selected.map((v) => v.vendor.id) } : null;
  const what = all ? 'All vendors' : selected.length === 1 ? selected[0]!.vendor.name : `${formatNumber(selected.length)} vendors`;
  const running = run?.status.state === 'running';
  const words = filter.trim().toLocaleLowerCase();
  const shown = words ? vendors.filter((v) => v.vendor.name.toLocaleLowerCase().includes(words)) : vendors;

  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const exportPack = async () => {
    if (!scope) return;
    setStartError(null);
    const sealed = encryptionInput(encrypt);
    setEncryptProblems(sealed.ok ? [] : sealed.problems);
    if (!sealed.ok) return;
    const cut = profileInput(profile);
    if (!cut.ok) {
      setStartError(cut.problem);
      return;
    }
    setBusy('export');
    try {
      let destination: string | undefined;
      if (info?.canPickFiles) {
        const day = localToday();
        const name = suggestedPackName(all ? 'all-vendors' : selected.length === 1 ? selected[0]!.vendor.name : `${selected.length}-vendors`, day, sealed.encryption !== undefined);
        const { path } = await api['app.pickFile']({ purpose: 'save-pack', suggestedName: name });
        if (!path) return;
        destination = path;
      }
      await startExport({ ...scope, attachments, redact, ...(cut.profile ? { profile: cut.profile } : {}), ...(destination ? { destination } : {}), ...(sealed.encryption ? { encryption: sealed.encryption } : {}) }, what);
      setEncrypt((c) => ({ ...c, passphrase: '', repeat: '' }));
    } catch (e) {
      const byLine = e instanceof ApiError ? (e.issues ?? []).flatMap((i) => recipientIssueText(i.field, i.message, encrypt.recipients) ?? []) : [];
      if (byLine.length) setEncryptProblems(byLine.map((message) => ({ field: 'recipients', message })));
      else setStartError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const printReport = async () => {
    if (!scope) return;
    setStartError(null);
    // The printout is the chosen profile's report, as the pack would carry it.
    const cut = profileInput(profile);
    if (!cut.ok) {
      setStartError(cut.problem);
      return;
    }
    setBusy('print');
    try {
      const problem = await printReportOf({ ...scope, redact, ...(cut.profile ? { profile: cut.profile } : {}) }, !!info?.canPrintToPdf);
      if (problem) setStartError(problem);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };

  if (vendors.length === 0) {
    return (
      <EmptyState
        title="Nothing to export yet"
        actions={
          <a className="button button-primary" href="#/vendors">
            Go to Vendors
          </a>
        }
      >
        A pack holds one or more vendors with their inventory, checklists and attached files. Add a vendor (or load the demo from the dashboard)
        first, then come back to export it.
      </EmptyState>
    );
  }

  return (
    <section className="pack-section" aria-labelledby="pack-export-title">
      <header className="pack-section-header">
        <h2 id="pack-export-title">Export a pack</h2>
        <p className="muted">
          A pack is one .zip that explains and checks itself: a report that opens in any browser, the records as JSON and spreadsheets, and the
          attached files.
        </p>
      </header>

      <div className="pack-export-grid">
        <fieldset className="pack-fieldset">
          <legend>Vendors</legend>
          <div className="pack-all">
            <label className="checkbox-label">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} disabled={running} aria-describedby="pack-all-hint" />
              All vendors
            </label>
            <span id="pack-all-hint" className="muted pack-meta">
              with everyone in People and your own templates
            </span>
          </div>
          {vendors.length > FILTER_FROM && (
            <input
              type="search"
              className="input pack-filter"
              placeholder="Filter vendors"
              aria-label="Filter vendors"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              disabled={all || running}
            />
          )}
          <ul className="pack-vendors" aria-label="Vendors to export">
            {shown.map((v) => {
              const records = INVENTORY_KINDS.reduce((n, k) => n + v.counts[k], 0);
              return (
                <li key={v.vendor.id}>
                  <label className="checkbox-label">
                    <input
                      type="checkbox"
                      checked={all || chosen.has(v.vendor.id)}
                      disabled={all || running}
                      onChange={(e) => toggle(v.vendor.id, e.target.checked)}
                    />
                    <span className="pack-vendor-name">{v.vendor.name}</span>
                  </label>
                  <span className="pack-meta">
                    <Badge value={v.vendor.status} />
                    <span className="muted">{plural(records, 'record', 'records')}</span>
                  </span>
                </li>
              );
            })}
            {shown.length === 0 && <li className="muted">No vendor matches “{filter}”.</li>}
          </ul>
          <div className="pack-selection muted" aria-live="polite">
            {all ? `All ${plural(vendors.length, 'vendor', 'vendors')}` : selected.length ? `${plural(selected.length, 'vendor', 'vendors')} chosen` : 'Tick one or more vendors, or All vendors.'}
            {!all && selected.length > 0 && (
              <button type="button" className="link-button" onClick={() => setChosen(new Set())} disabled={running}>
                Clear
              </button>
            )}
          </div>
        </fieldset>

        <fieldset className="pack-fieldset">
          <legend>Options</legend>
          <ProfilePicker choice={profile} onChange={setProfile} disabled={running} />
          <label className="checkbox-label">
            <input type="checkbox" checked={attachments} onChange={(e) => setAttachments(e.target.checked)} disabled={running} aria-describedby="pack-attachments-hint" />
            Include attached files
          </label>
          <p id="pack-attachments-hint" className="field-hint pack-hint">
            Without them the pack is smaller; it still lists every file by name and hash.
          </p>
          <label className="checkbox-label">
            <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} disabled={running} aria-describedby="pack-redact-hint" />
            Leave out sensitive fields
          </label>
          <p id="pack-redact-hint" className="field-hint pack-hint">
            For packs that go outside: blanks where keys and secrets are kept, repository URLs and document locations (internal URLs), in the report
            and the data alike.
          </p>
          <EncryptOptions choice={encrypt} onChange={setEncrypt} problems={encryptProblems} disabled={running} />
          <div className="pack-actions">
            <button type="button" className="button button-primary" onClick={exportPack} disabled={!scope || running || busy !== null}>
              {info?.canPickFiles ? 'Export pack…' : 'Export pack'}
            </button>
            <button type="button" className="button" onClick={printReport} disabled={!scope || busy !== null}>
              {info?.canPrintToPdf ? 'Print report to PDF…' : 'Print report'}
            </button>
          </div>
          {startError && (
            <div className="form-alert pack-alert" role="alert">
              {startError}
            </div>
          )}
        </fieldset>
      </div>

      {run && <ExportProgress run={run} browser={!info?.canPickFiles} />}
    </section>
  );
}

function ExportProgress({ run, browser }: { run: ExportRun; browser: boolean }) {
  const { status } = run;
  if (status.state === 'running') {
    const bytes = status.bytesTotal > 0 ? `${formatBytes(status.bytesDone)} of ${formatBytes(status.bytesTotal)}` : formatBytes(status.bytesDone);
    return (
      <div className="pack-result pack-progress" role="group" aria-label="Export">
        <div className="pack-progress-line">
          <span>
            Exporting <strong>{run.label}</strong> · <span>{run.cancelling ? 'Cancelling…' : status.step}</span>
          </span>
          <span className="muted cell-mono">{bytes}</span>
        </div>
        <ProgressBar label="Export progress" value={status.bytesDone} max={status.bytesTotal} valueText={`${status.step}: ${bytes}`} />
        <div className="pack-actions">
          <button type="button" className="button" onClick={() => void cancelExport().catch(toastError)} disabled={run.cancelling}>
            Cancel export
          </button>
        </div>
      </div>
    );
  }
  if (status.state === 'done' && status.result) {
    const r = status.result;
    return (
      <div className="pack-result pack-result-ok" role="status">
        <h3 className="pack-result-title">
          <span className="pack-result-icon" aria-hidden="true">
            ✓
          </span>
          Pack ready: {r.fileName}
        </h3>
        <p className="pack-result-text">
          {r.vendors.map((v) => v.name).join(', ') || 'No vendors'} · {plural(r.files, 'file', 'files')}, {formatBytes(r.size)}
          {r.attachments ? ` · ${plural(r.attachments, 'attached file', 'attached files')}` : ''}
          {r.redacted ? ' · sensitive fields left out' : ''}
          {r.profile.name !== 'full' ? ` · ${profileLabel(r.profile)}` : ''}
          {/\.age$/i.test(r.fileName) ? ' · encrypted' : ''}
        </p>
        {!browser && (
          <p className="pack-result-text">
            Saved to <span className="cell-mono">{r.path}</span>
          </p>
        )}
        <div className="pack-actions">
          {browser && (
            <a className="button button-primary" href={downloadHref(r.downloadPath)} download={r.fileName}>
              Download pack
            </a>
          )}
          <button type="button" className="button" onClick={() => void clearExport()}>
            {browser ? 'Done' : 'Close'}
          </button>
        </div>
        {browser && <p className="field-hint">The pack is kept here until you choose Done or leave this screen.</p>}
      </div>
    );
  }
  const failed = status.state === 'failed';
  return (
    <div className={`pack-result ${failed ? 'pack-result-bad' : 'pack-result-neutral'}`} role={failed ? 'alert' : 'status'}>
      <h3 className="pack-result-title">{failed ? 'The export failed' : 'Export cancelled'}</h3>
      <p className="pack-result-text">
        {failed ? `${(status.error?.message ?? 'Unknown error').replace(/\.?$/, '.')} ` : ''}Nothing was written: no pack, no partial file.
      </p>
      <div className="pack-actions">
        <button type="button" className="button" onClick={() => void clearExport()}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
