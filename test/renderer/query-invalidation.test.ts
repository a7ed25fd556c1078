// The renderer's data layer: query keys built in one place, and which queries a change event makes
// stale (a process of vendor A: A's process list and the dashboard, not vendor B's documents; a
// missed event or an import: everything).
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_KINDS, type ChangeEvent } from '../../shared/changes';
import { ChangeFeed } from '../../renderer/data/changeFeed';
import { isStaleAfter, queryKey } from '../../renderer/data/queryKeys';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const P1 = '00000000-0000-4000-8000-000000000001';
const ITEM = '00000000-0000-4000-8000-000000000002';

const event = (seq: number, over: Partial<ChangeEvent> = {}): ChangeEvent => ({
  seq, kinds: ['process'], ids: [P1], vendorIds: [A], activityId: `act-${seq}`, summary: 'Created process “Billing”', ...over,
});

describe('queryKey', () => {
  it('is the method and its payload, the same for the same call whoever builds it', () => {
    expect(queryKey('process.list', { vendorId: A, limit: 50 })).toEqual(['process.list', { vendorId: A, limit: 50 }]);
    expect(queryKey('dashboard.get', {})).toEqual(queryKey('dashboard.get', {}));
    expect(queryKey('vendor.get', { id: A }, 'edit')).toEqual(['vendor.get', { id: A }, 'edit']);
  });
});

describe('isStaleAfter', () => {
  const processOfA = event(1);
  it('a process of vendor A: A’s process list, all-vendor lists, the dashboard and A’s readiness', () => {
    expect(isStaleAfter(processOfA, queryKey('process.list', { vendorId: A }))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('process.list', {}))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('dashboard.get', {}))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('readiness.vendor', { vendorId: A }))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('vendor.summaries', {}))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('process.get', { id: P1 }))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('history.state', {}))).toBe(true);
    expect(isStaleAfter(processOfA, queryKey('activity.list', { vendorId: A }))).toBe(true);
  });

  it('a notice served on a contract of vendor A: the vendor list (its serve-notice-by), the dashboard, A’s readiness and contracts', () => {
    const notice = event(2, { kinds: ['notice'], summary: 'Created notice served “2026-12-01”' });
    expect(isStaleAfter(notice, queryKey('vendor.summaries', {}))).toBe(true);
    expect(isStaleAfter(notice, queryKey('dashboard.get', {}))).toBe(true);
    expect(isStaleAfter(notice, queryKey('readiness.vendor', { vendorId: A }))).toBe(true);
    expect(isStaleAfter(notice, queryKey('notice.list', { vendorId: A }))).toBe(true);
    expect(isStaleAfter(notice, queryKey('readiness.vendor', { vendorId: B }))).toBe(false);
    expect(isStaleAfter(event(3, { kinds: ['contract'] }), queryKey('vendor.summaries', {}))).toBe(true);
  });

  it('a process of vendor A: not B’s documents, B’s processes, B’s readiness, templates or another process', () => {
    expect(isStaleAfter(processOfA, queryKey('document.list', { vendorId: B }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('document.list', { vendorId: A }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('process.list', { vendorId: B }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('readiness.vendor', { vendorId: B }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('activity.list', { vendorId: B }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('template.list', {}))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('process.get', { id: ITEM }))).toBe(false);
    expect(isStaleAfter(processOfA, queryKey('vendor.get', { id: A }))).toBe(false);
  });

  it('a person is named on every vendor’s lists, whichever vendor the person belongs to', () => {
    const person = event(1, { kinds: ['person'], vendorIds: [A] });
    expect(isStaleAfter(person, queryKey('process.list', { vendorId: B }))).toBe(true);
    expect(isStaleAfter(person, queryKey('readiness.vendor', { vendorId: B }))).toBe(true);
    // An edit dialog's record comes with the names of the people it refers to.
    expect(isStaleAfter(person, queryKey('vendor.get', { id: B }, 'edit'))).toBe(true);
  });

  it('attachments follow their document or item', () => {
    const attached = event(1, { kinds: ['checklist_item'], ids: [ITEM] });
    expect(isStaleAfter(attached, queryKey('attachment.list', { itemId: ITEM }))).toBe(true);
    expect(isStaleAfter(attached, queryKey('attachment.list', { documentId: P1 }))).toBe(false);
  });

  it('attachments follow their notice, access record or data set', () => {
    const certificate = event(1, { kinds: ['dataset'], ids: [P1] });
    expect(isStaleAfter(certificate, queryKey('attachment.list', { datasetId: P1 }))).toBe(true);
    expect(isStaleAfter(certificate, queryKey('attachment.list', { datasetId: ITEM }))).toBe(false);
    expect(isStaleAfter(event(2, { kinds: ['notice'], ids: [ITEM] }), queryKey('attachment.list', { noticeId: ITEM }))).toBe(true);
    expect(isStaleAfter(event(3, { kinds: ['access'], ids: [ITEM] }), queryKey('attachment.list', { accessId: ITEM }))).toBe(true);
  });

  it('an event for every kind, and a key it does not know, are stale', () => {
    const all = event(1, { kinds: ALL_KINDS, ids: [], vendorIds: [] });
    expect(isStaleAfter(all, queryKey('document.list', { vendorId: B }))).toBe(true);
    expect(isStaleAfter(all, queryKey('template.list', {}))).toBe(true);
    expect(isStaleAfter(processOfA, ['no.such.method', {}])).toBe(true);
  });
});

describe('ChangeFeed', () => {
  let client: QueryClient;
  afterEach(() => client.clear());

  /** A client holding one loaded, fresh query per key. */
  function seeded(keys: (readonly unknown[])[]) {
    client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    for (const k of keys) client.setQueryData(k, { loaded: true });
    return (k: readonly unknown[]) => client.getQueryState(k)!.isInvalidated;
  }

  const processesA = queryKey('process.list', { vendorId: A });
  const documentsB = queryKey('document.list', { vendorId: B });
  const dashboard = queryKey('dashboard.get', {});

  it('invalidates what the event touched and nothing else', () => {
    const invalidated = seeded([processesA, documentsB, dashboard]);
    new ChangeFeed(client).receive(event(1));
    expect(invalidated(processesA)).toBe(true);
    expect(invalidated(dashboard)).toBe(true);
    expect(invalidated(documentsB)).toBe(false);
  });

  it('events in sequence stay targeted; a gap in seq (a missed event) invalidates everything', () => {
    const invalidated = seeded([processesA, documentsB]);
    const feed = new ChangeFeed(client);
    feed.receive(event(4));
    feed.receive(event(5));
    expect(invalidated(documentsB)).toBe(false);
    feed.receive(event(7));
    expect(invalidated(documentsB)).toBe(true);
  });

  it('an event for every kind invalidates everything', () => {
    const invalidated = seeded([documentsB]);
    new ChangeFeed(client).receive(event(1, { kinds: ALL_KINDS }));
    expect(invalidated(documentsB)).toBe(true);
  });

  it('loads again a first load that was under way when the event came, instead of keeping what it read before the change', async () => {
    seeded([]);
    const key = queryKey('attachment.list', { noticeId: P1 });
    const answers: ((rows: string[]) => void)[] = [];
    const observer = new QueryObserver(client, { queryKey: key, queryFn: () => new Promise<string[]>((resolve) => answers.push(resolve)) });
    const stop = observer.subscribe(() => {});
    expect(answers).toHaveLength(1);
    new ChangeFeed(client).receive(event(1, { kinds: ['notice'], ids: [P1], summary: 'Attached “letter.pdf” to notice' }));
    // The first load answers what it read before the letter landed; the feed asks again.
    answers[0]!([]);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!(['letter.pdf']);
    await vi.waitFor(() => expect(client.getQueryData(key)).toEqual(['letter.pdf']));
    stop();
  });

  it('tells the watchers of keys outside the cache, until they stop watching', () => {
    seeded([]);
    const feed = new ChangeFeed(client);
    const calls: string[] = [];
    const stopA = feed.watch(processesA, () => calls.push('A processes'));
    feed.watch(documentsB, () => calls.push('B documents'));
    feed.receive(event(1));
    stopA();
    feed.receive(event(2));
    expect(calls).toEqual(['A processes']);
  });

  it('after a workbook switch, the next event starts a new sequence and the old data is gone', () => {
    const invalidated = seeded([documentsB]);
    const feed = new ChangeFeed(client);
    feed.receive(event(9));
    feed.workbookSwitched();
    expect(client.getQueryData(documentsB)).toBeUndefined();
    client.setQueryData(documentsB, { loaded: true });
    feed.receive(event(1));
    expect(invalidated(documentsB)).toBe(false);
  });
});
