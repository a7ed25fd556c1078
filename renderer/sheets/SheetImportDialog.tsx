// "Import from spreadsheet": a sheet of one kind of record, in three steps — 1. the source (file,
// drop or pasted cells; the sheet and header row), 2. the column and value mapping, 3. the dry
// run's outcome, row by row. Nothing is written until Apply; then one transaction, one activity
// entry, and a toast with the counts and Undo.
import { useEffect, useRef, useState } from 'react';
import { KIND_LABEL, TITLE_FIELD } from '../../shared/records';
import { SHEET_KIND_RECORD, type SheetInspection, type SheetJobStatus, type SheetKind, type SheetMapping, type SheetRunInput } from '../../shared/sheets';
import { api } from '../api';
import { runHistory } from '../app/undoKeys';
import { formatNumber, plural } from '../format';
import { AppDialog } from '../ui/Dialog';
import { toast, toastError } from '../ui/toasts';
import { sheetErrorText } from './errorText';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunProgress } from './RunProgress';
import type { HeldSource } from './sheetSource';
import { SourceFacts } from './SourceFacts';
import { SourcePicker } from './SourcePicker';
import { TemplateLinks } from './TemplateLinks';
import { runApply } from './sheetJob';
import { runKey, useDryRun } from './useDryRun';

type Step = 1 | 2 | 3;
const STEPS: { step: Step; label: string }[] = [
  { step: 1, label: 'Source' },
  { step: 2, label: 'Mapping' },
  { step: 3, label: 'Dry run' },
];

/** How long the mapping rests before its values are checked by a dry run. */
const CHECK_AFTER_MS = 500;

interface Props {
  kind: SheetKind;
  /** Inventory kinds: the vendor the rows belong to (the tab's vendor). */
  vendorId?: string;
  onClose(): void;
}

/**
 * Takes the import back as a whole, by the backend's undo, when it is still the last change (its
 * activity entry names the file's SHA-256); a later change is never undone in its place.
 */
async function undoImport(sha256: string): Promise<void> {
  try {
    const { undo } = await api['history.state']({});
    if (undo?.summary.includes(sha256)) await runHistory('undo');
    else toast('The import is no longer the last change: undo the changes made after it first (Ctrl+Z).');
  } catch (e) {
    toastError(e);
  }
}

export function SheetImportDialog({ kind, vendorId, onClose }: Props) {
  const many = KIND_LABEL[SHEET_KIND_RECORD[kind]].many.toLowerCase();
  const [held, setHeld] = useState<HeldSource | null>(null);
  const heldRef = useRef<HeldSource | null>(null);
  const [reading, setReading] = useState<{ sheet?: string; headerRow?: number }>({});
  const [inspection, setInspection] = useState<SheetInspection | null>(null);
  const [inspecting, setInspecting] = useState(false);
  const [mapping, setMapping] = useState<SheetMapping>({ columns: {} });
  const [step, setStep] = useState<Step>(1);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [applyStatus, setApplyStatus] = useState<SheetJobStatus | null>(null);
  const stopApply = useRef<AbortController | null>(null);
  const { dryRun, run, cancel } = useDryRun();

  // The upload goes with the dialog.
  useEffect(() => () => heldRef.current?.release(), []);

  const inspect = async (source: HeldSource, choice: { sheet?: string; headerRow?: number }) => {
    setInspecting(true);
    setError(null);
    try {
      const found = await api['sheets.inspect']({ source: source.source, kind, vendor: vendorId, ...choice });
      setInspection(found);
      setReading({ sheet: found.sheet, headerRow: choice.headerRow });
      setMapping(found.mapping);
    } catch (e) {
      setError(sheetErrorText(e));
    } finally {
      setInspecting(false);
    }
  };

  const take = (source: HeldSource) => {
    heldRef.current?.release();
    heldRef.current = source;
    setHeld(source);
    setInspection(null);
    setStep(1);
    void inspect(source, {});
  };

  const startOver = () => {
    cancel();
    heldRef.current?.release();
    heldRef.current = null;
    setHeld(null);
    setInspection(null);
    setError(null);
    setStep(1);
  };

  const input: SheetRunInput | null =
    held && inspection
      ? { source: held.source, kind, vendor: vendorId, sheet: inspection.format === 'xlsx' ? reading.sheet : undefined, headerRow: reading.headerRow, mapping }
      : null;
  const key = input ? runKey(input) : null;
  const current = dryRun.previewKey !== null && dryRun.previewKey === key;
  const running = dryRun.runningKey !== null;

  // As the backend: without a column for the title (and no id column to match on) no row can be read,
  // so the dry run waits for one; the mapping step says which.
  const mappedFields = Object.values(mapping.columns);
  const noTitle = !mappedFields.includes(TITLE_FIELD[SHEET_KIND_RECORD[kind]]) && !mappedFields.includes('id');

  // Step 2 checks the values as the mapping changes (after a pause), to ask about the ones it cannot
  // settle; a mapping that failed is not checked again until it changes.
  useEffect(() => {
    if (step !== 2 || !input || noTitle || key === dryRun.previewKey || key === dryRun.runningKey || key === dryRun.errorKey) return;
    const timer = setTimeout(() => run(input), CHECK_AFTER_MS);
    return () => clearTimeout(timer);
  });

  const toPreview = () => {
    setStep(3);
    if (input && !current && dryRun.runningKey !== key) run(input);
  };

  const apply = async () => {
    if (!input) return;
    setApplying(true);
    setApplyStatus(null);
    setError(null);
    const stop = new AbortController();
    stopApply.current = stop;
    try {
      const result = await runApply(input, setApplyStatus, stop.signal);
      if (!result.applied) {
        setError(`Nothing was imported: ${plural(new Set(result.refused.map((r) => r.row)).size, 'row is', 'rows are')} refused. The dry run below shows them.`);
        run(input);
        return;
      }
      onClose();
      const people = result.peopleCreated ? `, ${plural(result.peopleCreated, 'person', 'people')} created` : '';
      toast(`Imported ${result.fileName}: ${formatNumber(result.added)} added, ${formatNumber(result.updated)} updated, ${formatNumber(result.unchanged)} unchanged${people}`, {
        label: 'Undo',
        run: () => undoImport(result.sha256),
      });
    } catch (e) {
      setError(sheetErrorText(e));
    } finally {
      stopApply.current = null;
      setApplying(false);
    }
  };

  const preview = dryRun.preview;
  const canApply = step === 3 && current && !running && !!preview && preview.refusedRows === 0 && preview.added + preview.updated > 0 && !applying;
  const footer = (
    <>
      {held && (
        <button type="button" className="button button-quiet" onClick={startOver} disabled={applying}>
          Choose another sheet
        </button>
      )}
      <span className="spacer" />
      {step > 1 && (
        <button type="button" className="button" onClick={() => setStep((s) => (s - 1) as Step)} disabled={applying}>
          Back
        </button>
      )}
      {step === 1 && inspection && (
        <button type="button" className="button button-primary" onClick={() => setStep(2)} disabled={inspecting}>
          Next: map the columns
        </button>
      )}
      {step === 2 && (
        <button type="button" className="button button-primary" onClick={toPreview} disabled={noTitle}>
          Next: dry run
        </button>
      )}
      {step === 3 && (
        <button type="button" className="button button-primary" onClick={() => void apply()} disabled={!canApply}>
          {applying ? 'Importing…' : preview && current ? `Apply: import ${plural(preview.added + preview.updated, 'row', 'rows')}` : 'Apply'}
        </button>
      )}
      <button type="button" className="button" onClick={onClose} disabled={applying}>
        Cancel
      </button>
    </>
  );

  return (
    // While the import is applied the dialog stays: its upload must outlive the write.
    <AppDialog title={`Import ${many} from a spreadsheet`} isOpen onClose={applying ? () => {} : onClose} size="wide" footer={footer}>
      <ol className="sheet-steps" aria-label="Steps">
        {STEPS.map((s) => (
          <li key={s.step} aria-current={s.step === step ? 'step' : undefined} className={s.step === step ? 'is-current' : s.step < step ? 'is-done' : undefined}>
            <span className="sheet-step-n" aria-hidden="true">
              {s.step}
            </span>
            {s.label}
          </li>
        ))}
      </ol>
      {error && (
        <div className="form-alert" role="alert">
          {error}
        </div>
      )}

      {step === 1 && !held && (
        <>
          <SourcePicker what={many} onHeld={take} onError={setError} />
          <TemplateLinks kind={kind} what={KIND_LABEL[SHEET_KIND_RECORD[kind]].one.toLowerCase()} />
        </>
      )}
      {step === 1 && held && inspecting && !inspection && (
        <p className="muted" role="status">
          Reading {held.name}…
        </p>
      )}
      {step === 1 && held && inspection && (
        <SourceFacts key={`${inspection.sheet}@${inspection.headerRow}`} inspection={inspection} busy={inspecting} onReread={(change) => void inspect(held, { ...reading, ...change })} />
      )}

      {step === 2 && inspection && (
        <MappingStep
          inspection={inspection}
          mapping={mapping}
          onChange={setMapping}
          preview={preview}
          checking={running}
          given={vendorId ? ['vendorId'] : []}
        />
      )}

      {step === 3 && running && <RunProgress status={dryRun.status} onCancel={cancel} />}
      {step === 3 && applying && <RunProgress kind="apply" status={applyStatus} onCancel={() => stopApply.current?.abort()} />}
      {step === 3 && !running && dryRun.error && dryRun.errorKey === key && (
        <div className="form-alert" role="alert">
          The dry run failed: {sheetErrorText(dryRun.error)}
        </div>
      )}
      {step === 3 && inspection && preview && (
        <PreviewStep
          inspection={inspection}
          preview={preview}
          stale={!current && !running}
          onRerun={() => input && run(input)}
          mapping={mapping}
          onMapping={setMapping}
          onRecheck={(next) => {
            setMapping(next);
            if (input) run({ ...input, mapping: next });
          }}
        />
      )}
      {step === 3 && !running && !preview && !dryRun.error && (
        <button type="button" className="button" onClick={() => input && run(input)}>
          Run the dry run
        </button>
      )}
    </AppDialog>
  );
}
