// The colour theme: the system's setting, or light or dark chosen in Settings. A choice of this
// user on this computer, not of the workbook, so it lives in localStorage (per browser profile on
// the browser face, per user profile in the desktop app). The CSS tokens follow color-scheme
// (styles/tokens.css); a chosen theme sets it on the root element, the system's leaves it alone.
import { create } from 'zustand';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABEL: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const KEY = 'handover.theme';

function stored(): Theme {
  try {
    const value = window.localStorage.getItem(KEY);
    return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
  } catch {
    return 'system'; // storage disabled: the system's setting
  }
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export const useTheme = create<{ theme: Theme; setTheme(theme: Theme): void }>((set) => ({
  theme: stored(),
  setTheme(theme) {
    try {
      window.localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered, but still applied for this session.
    }
    apply(theme);
    set({ theme });
  },
}));

// At load, before the first paint of the app, so a dark choice never flashes light.
apply(useTheme.getState().theme);
