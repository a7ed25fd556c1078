// "Viewing as": the person whose items "Mine" and "My tasks" show. The workbook has no login, so
// the user picks who they are; the choice is remembered on this machine, per workbook (person ids
// mean nothing in another workbook).
import { create } from 'zustand';

export interface Viewer {
  id: string;
  name: string;
}

const keyOf = (workbookId: string) => `handover.viewingAs.${workbookId}`;

function read(workbookId: string): Viewer | null {
  try {
    const raw = localStorage.getItem(keyOf(workbookId));
    const v = raw ? (JSON.parse(raw) as Partial<Viewer>) : null;
    return v && typeof v.id === 'string' && typeof v.name === 'string' ? { id: v.id, name: v.name } : null;
  } catch {
    // Storage refused (private mode) or garbled: nobody chosen yet.
    return null;
  }
}

interface ViewerState {
  workbookId: string | null;
  viewer: Viewer | null;
  /** Loads the choice remembered for this workbook (on start and after a switch). */
  load(workbookId: string): void;
  set(viewer: Viewer | null): void;
}

export const useViewerStore = create<ViewerState>((set, get) => ({
  workbookId: null,
  viewer: null,
  load: (workbookId) => {
    if (get().workbookId !== workbookId) set({ workbookId, viewer: read(workbookId) });
  },
  set: (viewer) => {
    const { workbookId } = get();
    if (workbookId) {
      try {
        if (viewer) localStorage.setItem(keyOf(workbookId), JSON.stringify(viewer));
        else localStorage.removeItem(keyOf(workbookId));
      } catch {
        // Not remembered, but still used for this session.
      }
    }
    set({ viewer });
  },
}));

export const useViewer = () => useViewerStore((s) => s.viewer);

/** The id of the "Viewing as" picker's input, so other screens can send the user to it. */
export const VIEWING_AS_INPUT_ID = 'viewing-as-input';
