// Adding a vendor from a screen that lists vendors, and what such a screen shows with none yet:
// the welcome screen on an empty workbook, an empty state otherwise.
import { navigate } from '../app/router';
import { useInfo } from '../app/store';
import { Welcome } from '../app/Welcome';
import { RecordDialog } from '../forms/RecordDialog';
import { EmptyState } from '../ui/EmptyState';
import { ImportSheetButton } from '../sheets/ImportSheetButton';

/** The New vendor dialog; a saved vendor opens on its Overview. */
export function NewVendorDialog({ onClose }: { onClose(): void }) {
  return (
    <RecordDialog
      kind="vendor"
      record={null}
      labels={{}}
      onClose={(saved) => {
        onClose();
        if (saved) navigate({ name: 'vendor', vendorId: saved.id, tab: 'overview', open: null });
      }}
    />
  );
}

export function NoVendors({ onAddVendor, why }: { onAddVendor(): void; why: string }) {
  const info = useInfo();
  if (info?.empty) return <Welcome onAddVendor={onAddVendor} />;
  return (
    <EmptyState
      title="No vendors yet"
      actions={
        <>
          <button type="button" className="button button-primary" onClick={onAddVendor}>
            Add your first vendor
          </button>
          <ImportSheetButton kind="vendor" label="Import vendors from a spreadsheet" />
        </>
      }
    >
      {why}
    </EmptyState>
  );
}
