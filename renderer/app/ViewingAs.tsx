// Picks the person "Mine" and "My tasks" stand for (see viewer.ts).
import { useState } from 'react';
import { TEAM_SIDE } from '../forms/personSides';
import { RefPicker } from '../forms/RefPicker';
import { useViewer, useViewerStore, VIEWING_AS_INPUT_ID } from './viewer';

/** `anchor`: this is the picker other screens send the user to (the sidebar's). */
export function ViewingAs({ label = 'Viewing as', hint, anchor = false }: { label?: string; hint?: string; anchor?: boolean }) {
  const viewer = useViewer();
  // What the user is typing; null shows the chosen person's name.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="viewing-as" id={anchor ? VIEWING_AS_INPUT_ID : undefined}>
      <RefPicker
        kind="person"
        prefer={TEAM_SIDE}
        label={label}
        value={viewer?.id ?? ''}
        valueLabel={viewer?.name ?? ''}
        inputValue={draft ?? viewer?.name ?? ''}
        onInputChange={setDraft}
        onChange={(id, name) => {
          useViewerStore.getState().set(id ? { id, name } : null);
          setDraft(null);
        }}
        hint={hint}
      />
    </div>
  );
}

/** Moves focus to the "Viewing as" picker (from a "Mine" filter used before anyone was chosen). */
export function focusViewingAs() {
  document.querySelector<HTMLInputElement>(`#${VIEWING_AS_INPUT_ID} input`)?.focus();
}
