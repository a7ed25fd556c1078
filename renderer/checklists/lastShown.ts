// The checklist last shown per vendor, remembered on this computer: coming back, even after a
// reload, lands on it again.
const key = (vendorId: string) => `handover.checklist.${vendorId}`;

export const lastShown = {
  get(vendorId: string): string | undefined {
    try {
      return localStorage.getItem(key(vendorId)) ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(vendorId: string, checklistId: string) {
    try {
      localStorage.setItem(key(vendorId), checklistId);
    } catch {
      // Storage full or disabled: the tab then opens on the vendor's first checklist.
    }
  },
};
