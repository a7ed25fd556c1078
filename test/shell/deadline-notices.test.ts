// Desktop deadline notifications (electron/desktop/deadline-notices.ts) over a real backend, with
// the notification itself stubbed: on opening, once a day after, never when turned off or when
// nothing falls due within seven days. The test clock starts on 2026-03-01 (helpers.ts).
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { followDeadlines, noticeText, type NoticeText } from '../../electron/desktop/deadline-notices';
import type { Deadline } from '../../shared/deadlines';
import { makeWorkbook, type TestWorkbook } from '../backend/helpers';

let wb: TestWorkbook;
let shown: NoticeText[];
let day: string;
beforeEach(() => { wb = makeWorkbook(); shown = []; day = '2026-03-01'; });
afterEach(() => wb.close());

function follow() {
  const f = followDeadlines({ dispatch: (m, p) => wb.backend.dispatch(m, p), show: (t) => shown.push(t), now: () => new Date(`${day}T12:00:00`) });
  onTestFinished(() => f.stop());
  return f;
}

async function licenceDue(renewalDate: string, product = 'Backup suite') {
  const v = await wb.call('vendor.create', { name: 'Northwind' });
  await wb.call('licence.create', { vendorId: v.id, product, renewalDate });
}

describe('deadline notifications', () => {
  it('on opening, for what falls due within seven days, then once a day while open', async () => {
    await licenceDue('2026-03-05');
    const f = follow();
    await f.opened();
    expect(shown).toEqual([{ title: 'Deadlines: 1 due within 7 days', body: '2026-03-05: Licence renews or expires: Backup suite (Northwind)' }]);
    await f.tick();
    expect(shown).toHaveLength(1); // the same day: nothing again
    day = '2026-03-02';
    await f.tick();
    await f.tick();
    expect(shown).toHaveLength(2);
  });

  it('names access to close and infrastructure expiring within seven days', async () => {
    const v = await wb.call('vendor.create', { name: 'Fabrikam', exitDate: '2026-03-03' });
    await wb.call('access.create', { vendorId: v.id, name: 'VPN for the vendor team', plannedOffsetDays: -5 });
    await wb.call('infrastructure.create', { vendorId: v.id, name: 'www.fabrikam.example', kind: 'tls_certificate', expiresOn: '2026-03-04' });
    await wb.call('infrastructure.create', { vendorId: v.id, name: 'later.fabrikam.example', kind: 'tls_certificate', expiresOn: '2026-03-20' });
    const f = follow();
    await f.opened();
    expect(shown).toEqual([{
      title: 'Deadlines: 1 due within 7 days, 1 overdue',
      body: 'Overdue: Revoke access: VPN for the vendor team (Fabrikam)\n2026-03-04: TLS certificate expires: www.fabrikam.example (Fabrikam)',
    }]);
  });

  it('shows nothing when nothing falls due within seven days', async () => {
    await licenceDue('2026-03-20');
    const f = follow();
    await f.opened();
    expect(shown).toEqual([]);
  });

  it('shows nothing once turned off in Settings, and again once turned on', async () => {
    await licenceDue('2026-03-05');
    expect((await wb.call('app.info', {})).deadlineNotifications).toBe(true);
    expect((await wb.call('settings.setDeadlineNotifications', { enabled: false })).deadlineNotifications).toBe(false);
    const f = follow();
    await f.opened();
    day = '2026-03-02';
    await f.tick();
    expect(shown).toEqual([]);
    await wb.call('settings.setDeadlineNotifications', { enabled: true });
    await f.opened();
    expect(shown).toHaveLength(1);
  });

  it('says how many are overdue and names the first three', () => {
    const d = (date: string, title: string): Deadline => ({
      id: title, kind: 'item_due', date, title, detail: '', vendorId: null, vendorName: null, personId: null, personName: null, source: { kind: 'checklist_item', id: title },
    });
    const text = noticeText([d('2026-02-27', 'A'), d('2026-03-01', 'B'), d('2026-03-03', 'C'), d('2026-03-04', 'D')], '2026-03-01');
    expect(text).toEqual({ title: 'Deadlines: 3 due within 7 days, 1 overdue', body: 'Overdue: A\nToday: B\n2026-03-03: C\nand 1 more on Upcoming' });
    expect(noticeText([], '2026-03-01')).toBeNull();
  });
});
