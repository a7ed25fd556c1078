// The first screen of an empty workbook: try it with the demo data, or start for real.
import { useState } from 'react';
import { api } from '../api';
import { toast, toastError } from '../ui/toasts';

export function Welcome({ onAddVendor }: { onAddVendor(): void }) {
  const [loading, setLoading] = useState(false);
  const loadDemo = async () => {
    setLoading(true);
    try {
      const result = await api['demo.load']({});
      toast(`Demo workbook loaded: ${result.vendors} vendors, ${result.records.toLocaleString()} records`);
    } catch (e) {
      toastError(e);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="welcome">
      <h1>Welcome to Handover Workbook</h1>
      <p>
        This workbook is empty. List each vendor you are leaving, then its processes, repositories, licences and documents, the
        access it holds, your data and the infrastructure it runs, so nothing is lost on the way out.
      </p>
      <div className="welcome-actions">
        <button type="button" className="button button-primary button-large" onClick={onAddVendor}>
          Add your first vendor
        </button>
        <button type="button" className="button button-large" onClick={loadDemo} disabled={loading}>
          {loading ? 'Loading demo…' : 'Load demo workbook'}
        </button>
      </div>
      <p className="muted">The demo adds example vendors and their inventory, to look around before you start.</p>
    </div>
  );
}
