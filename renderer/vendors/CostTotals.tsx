// A vendor's exit costs summed: one row per currency (amounts in different currencies are never
// added together), the one-off and the recurring costs apart. Shown on the Overview and the Costs tab.
import { formatAmount } from '../../shared/costs';
import { hrefOf } from '../app/router';
import { useApi } from '../data/useApi';

interface Props {
  vendorId: string;
  /** On the Overview an empty block links to the Costs tab; on the Costs tab an empty block is not shown (the table's empty state says what to add). */
  linkToCosts?: boolean;
}

export function CostTotals({ vendorId, linkToCosts = false }: Props) {
  const totals = useApi('cost.totals', { vendorId });
  const costsHref = hrefOf({ name: 'vendor', vendorId, tab: 'costs', open: null });
  const rows = totals.data ?? [];
  if (!linkToCosts && totals.data && rows.length === 0) return null;

  return (
    <section className="card cost-totals" aria-labelledby={`cost-totals-${vendorId}`}>
      <div className="card-header">
        <h2 id={`cost-totals-${vendorId}`}>Exit costs</h2>
        {linkToCosts && rows.length > 0 && (
          <a href={costsHref} className="card-link">
            All costs
          </a>
        )}
      </div>
      {totals.data && rows.length === 0 && (
        <p className="muted">
          No exit costs yet. Add the termination fees, the months of dual running, migration work, new-provider onboarding and licences bought again
          on the <a href={costsHref}>Costs tab</a>: their totals show here, one per currency.
        </p>
      )}
      {rows.length > 0 && (
        <table className="simple-table" aria-labelledby={`cost-totals-${vendorId}`}>
          <thead>
            <tr>
              <th scope="col">Currency</th>
              <th scope="col" className="num">One-off</th>
              <th scope="col" className="num">Recurring (dual running)</th>
              <th scope="col" className="num">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr key={t.currency}>
                <th scope="row">{t.currency}</th>
                <td className="num cell-mono">{formatAmount(t.oneOff, t.currency)}</td>
                <td className="num cell-mono">{formatAmount(t.recurring, t.currency)}</td>
                <td className="num cell-mono">
                  <strong>{formatAmount(t.total, t.currency)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
