// Linking a record to something (a checklist item, a contract): the kind, the record picker of
// that kind within the vendor, and Link. One component for every "link a record" row, and the
// busy-step helper their link and unlink buttons share.
import { useId, useState } from 'react';
import type { LinkKind } from '../../shared/checklists';
import { KIND_LABEL } from '../../shared/records';
import { RefPicker } from './RefPicker';
import { toast, toastError } from '../ui/toasts';

/** Runs one write at a time with a toast for its outcome; `busy` while it runs. */
export function useBusyStep(): { busy: boolean; run: (step: () => Promise<unknown>, done: string) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      // The write's own change event refreshes what the screen shows.
      await step();
      toast(done);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

export function LinkAdder<K extends LinkKind>({ kinds, vendorId, busy, groupLabel, onLink }: {
  kinds: readonly K[];
  vendorId: string;
  busy: boolean;
  /** The row's accessible name, where a screen has several of them. */
  groupLabel?: string;
  /** Links the record picked; the row clears once it resolves. */
  onLink: (kind: K, picked: { id: string; name: string }) => Promise<void>;
}) {
  const id = useId();
  const [kind, setKind] = useState<K>(kinds[0]!);
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  const [text, setText] = useState<string | null>(null);
  return (
    <div className="detail-row link-add" {...(groupLabel ? { role: 'group', 'aria-label': groupLabel } : {})}>
      <div className="field">
        <label htmlFor={`${id}-kind`} className="field-label">
          Kind
        </label>
        <select
          id={`${id}-kind`}
          className="input select"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as K);
            setPicked(null);
            setText(null);
          }}
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k].one}
            </option>
          ))}
        </select>
      </div>
      <RefPicker
        key={kind}
        kind={kind}
        label={`${KIND_LABEL[kind].one} to link`}
        value={picked?.id ?? ''}
        valueLabel={picked?.name ?? ''}
        inputValue={text ?? picked?.name ?? ''}
        onInputChange={setText}
        onChange={(pid, name) => {
          setPicked(pid ? { id: pid, name } : null);
          setText(null);
        }}
        vendorId={vendorId}
      />
      <button
        type="button"
        className="button"
        disabled={!picked || busy}
        onClick={() => {
          if (!picked) return;
          void onLink(kind, picked).then(() => {
            setPicked(null);
            setText(null);
          });
        }}
      >
        Link
      </button>
    </div>
  );
}
