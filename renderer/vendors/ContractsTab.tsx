// A vendor's contracts: each one's deadlines in words with the arithmetic shown, and the action to
// record the notice served on it; below, the contracts as a table with the same add, edit and
// delete dialogs as every inventory tab.
import { useState } from 'react';
import type { Contract, ContractNotice } from '../../shared/records';
import { useApi } from '../data/useApi';
import type { AnyRecord } from '../records/recordApi';
import { RecordsScreen } from '../records/RecordsScreen';
import { useDeleteWithUndo } from '../records/useDeleteWithUndo';
import { ContractDeadline } from './ContractDeadline';
import { NoticeDialog } from './NoticeDialog';

interface Props {
  vendorId: string;
  vendorName: string;
  /** The contract whose edit dialog is open (from the URL). */
  openId: string | null;
  onOpenChange(id: string | null): void;
}

export function ContractsTab({ vendorId, vendorName, openId, onOpenChange }: Props) {
  // A vendor has a handful of contracts: one page holds them all.
  const contracts = useApi('contract.list', { vendorId, sort: 'initialEnd', limit: 200 });
  const notices = useApi('notice.list', { vendorId, sort: 'servedOn', limit: 1000 });
  const [serving, setServing] = useState<Contract | null>(null);
  const removeNotice = useDeleteWithUndo('notice');
  const noticesOf = (id: string) => (notices.data?.rows ?? []).filter((n: ContractNotice) => n.contractId === id);

  return (
    <div className="contracts-tab">
      {(contracts.data?.rows.length ?? 0) > 0 && (
        <section className="contract-cards" aria-label="Contract deadlines">
          {contracts.data!.rows.map((c) => (
            <ContractDeadline
              key={c.id}
              contract={c}
              notices={noticesOf(c.id)}
              labels={notices.data?.labels ?? {}}
              onEdit={() => onOpenChange(c.id)}
              onRecordNotice={() => setServing(c)}
              onRemoveNotice={(n) => removeNotice.askDelete(n as unknown as AnyRecord)}
            />
          ))}
        </section>
      )}
      <RecordsScreen
        kind="contract"
        vendorId={vendorId}
        openId={openId}
        onOpenChange={onOpenChange}
        emptyText={`List the contracts you hold with ${vendorName}: the master agreement, statements of work, order forms, the DPA, NDAs and licence agreements, with their notice terms.`}
      />
      {removeNotice.deleteDialog}
      {serving && <NoticeDialog key={serving.id} contract={serving} onClose={() => setServing(null)} />}
    </div>
  );
}
