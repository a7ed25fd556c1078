// The browser face's change events: one EventSource for every listener, well-formed events only,
// and a reconnect after a break told to whoever must assume the events sent meanwhile were lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../shared/changes';

class FakeEventSource {
  static made: FakeEventSource[] = [];
  listeners = new Map<string, ((e: { data?: string }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.made.push(this);
  }
  addEventListener(type: string, fn: (e: { data?: string }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data?: string) {
    for (const fn of this.listeners.get(type) ?? []) fn({ data });
  }
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  FakeEventSource.made = [];
  vi.resetModules();
  vi.stubGlobal('window', { location: { search: '?token=tok-123' } });
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

const event: ChangeEvent = { seq: 1, kinds: ['vendor'], ids: [], vendorIds: [], activityId: 'a1', summary: 'Created vendor “Acme”' };

describe('onChange and onReconnect on the browser face', () => {
  it('open one stream with the page’s token and pass on well-formed events only', async () => {
    const { onChange } = await import('../../renderer/api');
    const seen: ChangeEvent[] = [];
    const stop = onChange((e) => seen.push(e));
    onChange(() => {});
    expect(FakeEventSource.made.map((s) => s.url)).toEqual(['/events?token=tok-123']);
    const source = FakeEventSource.made[0]!;
    source.emit('change', JSON.stringify(event));
    source.emit('change', '{"seq":"two"}');
    source.emit('change', 'not json');
    expect(seen).toEqual([event]);
    stop();
    expect(source.closed).toBe(false);
  });

  it('tell reconnect listeners when the stream opens again after a break, not when it first opens', async () => {
    const { onChange, onReconnect } = await import('../../renderer/api');
    onChange(() => {});
    let reconnects = 0;
    const stop = onReconnect(() => reconnects++);
    const source = FakeEventSource.made[0]!;
    source.emit('open');
    expect(reconnects).toBe(0);
    source.emit('error');
    source.emit('open');
    expect(reconnects).toBe(1);
    stop();
    source.emit('open');
    expect(reconnects).toBe(1);
  });
});
