// A vendor's exit costs: the totals per currency above, the costs as a table below with the same
// add, edit and delete dialogs as every inventory tab.
import { RecordsScreen } from '../records/RecordsScreen';
import { CostTotals } from './CostTotals';

interface Props {
  vendorId: string;
  vendorName: string;
  /** The cost whose edit dialog is open (from the URL). */
  openId: string | null;
  onOpenChange(id: string | null): void;
}

export function CostsTab({ vendorId, vendorName, openId, onOpenChange }: Props) {
  return (
    <div className="costs-tab">
      <CostTotals vendorId={vendorId} />
      <RecordsScreen
        kind="cost"
        vendorId={vendorId}
        openId={openId}
        onOpenChange={onOpenChange}
        emptyText={`List what leaving ${vendorName} costs: termination fees, months of dual running at their monthly cost, migration work, onboarding the new provider, licences bought again.`}
      />
    </div>
  );
}
