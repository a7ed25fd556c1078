// Everyone involved in the exit, on every side: owners at the vendor, successors in-house, the
// new provider's people. Processes, repositories and documents pick their people from here.
import { useCallback } from 'react';
import { navigate } from '../app/router';
import { RecordsScreen } from '../records/RecordsScreen';

export function PeopleScreen({ open }: { open: string | null }) {
  const onOpenChange = useCallback((id: string | null) => navigate({ name: 'people', open: id }, { replace: true }), []);
  return (
    <div className="page page-workspace">
      <header className="page-header">
        <h1>People</h1>
      </header>
      <RecordsScreen
        kind="person"
        openId={open}
        onOpenChange={onOpenChange}
        extraColumns={['vendorId']}
        emptyText="Add the people involved on every side: the vendor's owners, your in-house successors and the new provider's team."
      />
    </div>
  );
}
