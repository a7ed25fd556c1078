// The taskbar progress follows the running pack jobs (a stub window stands in for Electron's).
import { describe, expect, it } from 'vitest';
import { INDETERMINATE, NO_BAR, followPackJobs, taskbarValue } from '../../electron/desktop/taskbar';

describe('taskbar progress', () => {
  it('is the share of bytes done across the running jobs, indeterminate without a total, none without jobs', () => {
    expect(taskbarValue([])).toBe(NO_BAR);
    expect(taskbarValue([{ bytesDone: 0, bytesTotal: 0 }])).toBe(INDETERMINATE);
    expect(taskbarValue([{ bytesDone: 25, bytesTotal: 100 }, { bytesDone: 75, bytesTotal: 100 }])).toBe(0.5);
    // A total that grows behind the bytes done never shows more than full.
    expect(taskbarValue([{ bytesDone: 120, bytesTotal: 100 }])).toBe(1);
  });

  it('sets the window bar when the jobs move, once per change, and clears it when they end', () => {
    const set: number[] = [];
    const win = { setProgressBar: (v: number) => set.push(v), isDestroyed: () => false };
    let jobs = [{ bytesDone: 10, bytesTotal: 100 }];
    const follow = followPackJobs(() => jobs, () => win);
    follow.tick();
    follow.tick();
    jobs = [{ bytesDone: 50, bytesTotal: 100 }];
    follow.tick();
    jobs = [];
    follow.tick();
    expect(set).toEqual([0.1, 0.5, NO_BAR]);
    jobs = [{ bytesDone: 0, bytesTotal: 0 }];
    follow.tick();
    follow.stop();
    expect(set).toEqual([0.1, 0.5, NO_BAR, INDETERMINATE, NO_BAR]);
  });

  it('never touches a window while no job has run', () => {
    const set: number[] = [];
    const follow = followPackJobs(() => [], () => ({ setProgressBar: (v: number) => set.push(v), isDestroyed: () => false }));
    follow.tick();
    follow.stop();
    expect(set).toEqual([]);
  });

  it('leaves a closed window alone', () => {
    const set: number[] = [];
    const follow = followPackJobs(() => [{ bytesDone: 1, bytesTotal: 2 }], () => ({ setProgressBar: (v: number) => set.push(v), isDestroyed: () => true }));
    follow.tick();
    follow.stop();
    expect(set).toEqual([]);
  });
});
