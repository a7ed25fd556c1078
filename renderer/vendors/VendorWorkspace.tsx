// One vendor: its exit facts in the header, and tabs for the overview, each inventory and the log.
// The tab and the open record live in the URL, so reload and search jumps land in the same place.
import { useCallback, useState } from 'react';
import { type InventoryKind } from '../../shared/records';
import { ExportCalendarButton } from '../calendar/ExportCalendarButton';
import { ChecklistsTab } from '../checklists/ChecklistsTab';
import { KIND_OF_TAB, navigate, TAB_LABEL, VENDOR_TABS, type OverviewPart, type VendorTab } from '../app/router';
import { useApi, useApiWith } from '../data/useApi';
import { formatNumber } from '../format';
import { loadForEdit } from '../records/loadForEdit';
import { RecordsScreen } from '../records/RecordsScreen';
import { Badge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { Tabs } from '../ui/Tabs';
import { ActivityTab } from './ActivityTab';
import { ContractsTab } from './ContractsTab';
import { CostsTab } from './CostsTab';
import { CostTotals } from './CostTotals';
import { DateFact } from './DateFact';
import { DeletionLetterButton } from './DeletionLetterButton';
import { exitFacts } from './vendorDates';
import { VendorOverview } from './VendorOverview';
import { VendorReadiness } from './VendorReadiness';
import { useShowPart } from './useShowPart';


const EMPTY_TEXT: Record<InventoryKind, (vendor: string) => string> = {
  process: (v) => `List the processes ${v} runs for you, so each one gets an in-house successor, a runbook and a sign-off.`,
  repository: (v) => `List the source repositories ${v} works in: who owns each organisation, and who holds admin rights.`,
  licence: (v) => `List the software licences ${v} holds or manages for you, and whether each one can be transferred.`,
  document: (v) => `List the runbooks, architecture notes, contracts and access lists ${v} keeps, and attach the files.`,
  access: (v) => `List every account, key, token and allow-list entry ${v} holds or can reach, and whether each is revoked, rotated or transferred to you.`,
  dataset: (v) => `List the data sets ${v} holds for you, how each comes back, and whether its deletion is certified, backups included.`,
  infrastructure: (v) => `List the servers, cloud accounts, domains, certificates and network links ${v} runs, and what happens to each at the exit.`,
};

interface Props {
  vendorId: string;
  tab: VendorTab;
  /** The record (inventory tabs) or checklist item (checklists tab) whose dialog is open. */
  open: string | null;
  /** The checklist the checklists tab shows (the vendor's first when null). */
  checklist: string | null;
  /** The part of the overview to take the user to. */
  show: OverviewPart | null;
}

/** Where each part of the overview is on screen (drawn by VendorReadiness). */
const PART_SELECTOR: Record<OverviewPart, string> = {
  flags: 'section[aria-labelledby="flags-heading"]',
};

export function VendorWorkspace({ vendorId, tab, open, checklist, show }: Props) {
  const vendor = useApiWith('vendor.get', { id: vendorId }, 'edit', () => loadForEdit('vendor', vendorId));
  const summaries = useApi('vendor.summaries', {});
  const overview = useApi('readiness.vendor', { vendorId });
  const counts = summaries.data?.find((s) => s.vendor.id === vendorId)?.counts;
  const [formRound, setFormRound] = useState(0);
  useShowPart(tab === 'overview' && show ? PART_SELECTOR[show] : null, () => navigate({ name: 'vendor', vendorId, tab, open: null }, { replace: true }));

  const onOpenChange = useCallback(
    // Opening and closing a record's dialog leaves no history entries: Back leaves the tab.
    (id: string | null) => navigate({ name: 'vendor', vendorId, tab, open: id }, { replace: true }),
    [vendorId, tab],
  );

  if (vendor.error && !vendor.data) {
    return (
      <div className="page">
        <EmptyState
          title="This vendor is not in the workbook"
          actions={
            <a className="button" href="#/vendors">
              Back to vendors
            </a>
          }
        >
          {vendor.error.message}
        </EmptyState>
      </div>
    );
  }
  const inventoryKind = KIND_OF_TAB[tab];
  const v = vendor.data?.record;
  const name = (v?.name as string | undefined) ?? '';
  const facts = v ? exitFacts({ exitDate: v.exitDate as string | null, serveNoticeBy: overview.data?.notice?.serveBy ?? null }) : null;

  return (
    <div className="page page-workspace">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <a href="#/vendors">Vendors</a>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{name}</span>
      </nav>
      <header className="page-header">
        <h1>{name || '\u00a0'}</h1>
        {v && <Badge value={v.status as string} />}
        <span className="spacer" />
        {facts && (
          <dl className="header-facts">
            <div>
              <dt>Exit</dt>
              <dd>
                <DateFact date={v!.exitDate as string | null} days={facts.daysToExit} empty="not set" />
              </dd>
            </div>
            <div>
              <dt>Serve notice by</dt>
              <dd>
                <DateFact date={facts.serveNoticeBy} days={facts.noticeIn} empty="no notice to serve" />
              </dd>
            </div>
          </dl>
        )}
        {v && <ExportCalendarButton label="This vendor’s deadlines" vendorId={vendorId} small />}
      </header>
      <Tabs
        label={`${name} sections`}
        idPrefix={`vendor-${vendorId}`}
        selected={tab}
        onSelect={(t) => navigate({ name: 'vendor', vendorId, tab: t, open: null })}
        tabs={VENDOR_TABS.map((t) => {
          const kind = KIND_OF_TAB[t];
          return { id: t, label: TAB_LABEL[t], badge: kind && counts ? formatNumber(counts[kind]) : undefined };
        })}
        panelClassName={KIND_OF_TAB[tab] || tab === 'checklists' || tab === 'contracts' || tab === 'costs' ? 'tab-panel tab-panel-fill' : 'tab-panel'}
      >
        {tab === 'overview' && <VendorReadiness vendorId={vendorId} exitDate={(v?.exitDate as string | null | undefined) ?? null} />}
        {tab === 'overview' && <CostTotals vendorId={vendorId} linkToCosts />}
        {tab === 'overview' &&
          vendor.data && (
            <VendorOverview
              key={`${vendorId}@${vendor.data.record.updatedAt}#${formRound}`}
              record={vendor.data.record}
              labels={vendor.data.labels}
              onDiscard={() => setFormRound((n) => n + 1)}
            />
          )}
        {inventoryKind && (
          <RecordsScreen
            key={`${vendorId}:${inventoryKind}`}
            kind={inventoryKind}
            vendorId={vendorId}
            openId={open}
            onOpenChange={onOpenChange}
            emptyText={EMPTY_TEXT[inventoryKind](name || 'this vendor')}
            actions={inventoryKind === 'dataset' ? <DeletionLetterButton vendorId={vendorId} /> : undefined}
          />
        )}
        {tab === 'checklists' && vendor.data && (
          <ChecklistsTab key={vendorId} vendor={vendor.data.record} checklistId={checklist} openItemId={open} processCount={counts?.process} />
        )}
        {tab === 'contracts' && (
          <ContractsTab key={vendorId} vendorId={vendorId} vendorName={name || 'this vendor'} openId={open} onOpenChange={onOpenChange} />
        )}
        {tab === 'costs' && (
          <CostsTab key={vendorId} vendorId={vendorId} vendorName={name || 'this vendor'} openId={open} onOpenChange={onOpenChange} />
        )}
        {tab === 'activity' && <ActivityTab key={vendorId} vendorId={vendorId} />}
      </Tabs>
    </div>
  );
}
