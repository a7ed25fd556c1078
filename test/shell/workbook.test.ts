// Which workbook opens at start, and switching: a failed switch keeps the current workbook.
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  openFirst, startupCandidates, switchWorkbook, windowTitle, withWorkbookExtension, workbookFromArgs, type SwitchableBackend,
} from '../../electron/desktop/workbook';

describe('workbookFromArgs', () => {
  const cwd = resolve('/home/ana');
  it('reads --workbook=PATH and --workbook PATH, relative to the working folder', () => {
    expect(workbookFromArgs(['electron', '.', '--workbook=exit.sqlite'], cwd)).toBe(join(cwd, 'exit.sqlite'));
    expect(workbookFromArgs(['app', '--workbook', '/tmp/x.sqlite'], cwd)).toBe(resolve('/tmp/x.sqlite'));
  });
  it('ignores a missing value and other switches', () => {
    expect(workbookFromArgs(['app', '--workbook'], cwd)).toBeNull();
    expect(workbookFromArgs(['app', '--workbook', '--inspect'], cwd)).toBeNull();
    expect(workbookFromArgs(['app', '--workbooks=x', '--no-sandbox'], cwd)).toBeNull();
  });
});

describe('startupCandidates', () => {
  const defaultPath = '/profile/workbook.sqlite';
  it('tries only an explicitly named workbook', () => {
    expect(startupCandidates({ explicit: '/x.sqlite', last: '/last.sqlite', defaultPath, exists: () => true })).toEqual(['/x.sqlite']);
  });
  it('tries the last workbook if it still exists, then the default', () => {
    expect(startupCandidates({ explicit: null, last: '/last.sqlite', defaultPath, exists: () => true })).toEqual(['/last.sqlite', defaultPath]);
    expect(startupCandidates({ explicit: null, last: '/gone.sqlite', defaultPath, exists: () => false })).toEqual([defaultPath]);
    expect(startupCandidates({ explicit: null, last: null, defaultPath, exists: () => true })).toEqual([defaultPath]);
    expect(startupCandidates({ explicit: null, last: defaultPath, defaultPath, exists: () => true })).toEqual([defaultPath]);
  });
});

describe('openFirst', () => {
  it('returns the first that opens and reports those that did not', async () => {
    const failed = vi.fn();
    const opened = await openFirst(['/newer.sqlite', '/ok.sqlite'], (p) => {
      if (p === '/newer.sqlite') throw new Error('made by a newer version');
      return `backend for ${p}`;
    }, failed);
    expect(opened).toBe('backend for /ok.sqlite');
    expect(failed).toHaveBeenCalledWith('/newer.sqlite', expect.objectContaining({ message: 'made by a newer version' }));
    expect(await openFirst(['/a'], () => { throw new Error('no'); }, () => {})).toBeNull();
  });

  it('waits for an opening that answers later (the backend host), trying one candidate at a time', async () => {
    const tried: string[] = [];
    const opened = await openFirst(['/a.sqlite', '/b.sqlite'], async (p) => {
      tried.push(p);
      await Promise.resolve();
      if (p === '/a.sqlite') throw new Error('not a workbook');
      return `host with ${p}`;
    }, () => tried.push('failed'));
    expect(opened).toBe('host with /b.sqlite');
    expect(tried).toEqual(['/a.sqlite', 'failed', '/b.sqlite']);
  });
});

describe('switchWorkbook', () => {
  function setup(fails = false) {
    let current = resolve('/work/current.sqlite');
    const backend: SwitchableBackend = {
      get workbookPath() { return current; },
      switchWorkbook: vi.fn((p: string) => {
        if (fails) throw new Error('This workbook was made by a newer version of Handover Workbook.');
        current = p;
      }),
    };
    const deps = { backend, recent: { opened: vi.fn() }, showError: vi.fn(), changed: vi.fn() };
    return deps;
  }

  it('opens the other workbook, records it as recent and tells the window', async () => {
    const deps = setup();
    const next = resolve('/work/next.sqlite');
    expect(await switchWorkbook(deps, next)).toBe(true);
    expect(deps.backend.workbookPath).toBe(next);
    expect(deps.recent.opened).toHaveBeenCalledWith(next);
    expect(deps.changed).toHaveBeenCalledWith(next);
    expect(deps.showError).not.toHaveBeenCalled();
  });

  it('keeps the current workbook and shows why when the switch fails', async () => {
    const deps = setup(true);
    expect(await switchWorkbook(deps, resolve('/work/newer.sqlite'))).toBe(false);
    expect(deps.backend.workbookPath).toBe(resolve('/work/current.sqlite'));
    expect(deps.showError).toHaveBeenCalledWith('Could not open the workbook', expect.stringMatching(/newer version[\s\S]*current workbook stays open/));
    expect(deps.recent.opened).not.toHaveBeenCalled();
    expect(deps.changed).not.toHaveBeenCalled();
  });

  it('does nothing when asked for the workbook already open', async () => {
    const deps = setup();
    expect(await switchWorkbook(deps, '/work/../work/current.sqlite')).toBe(true);
    expect(deps.backend.switchWorkbook).not.toHaveBeenCalled();
  });
});

describe('names', () => {
  it('titles the window after the workbook file', () => {
    expect(windowTitle('/home/ana/Exit Acme.sqlite')).toBe('Exit Acme.sqlite — Handover Workbook');
  });
  it('adds .sqlite to a new workbook name without a workbook extension', () => {
    expect(withWorkbookExtension('/a/Exit plan')).toBe('/a/Exit plan.sqlite');
    expect(withWorkbookExtension('/a/exit.v2')).toBe('/a/exit.v2.sqlite');
    expect(withWorkbookExtension('/a/exit.sqlite')).toBe('/a/exit.sqlite');
    expect(withWorkbookExtension('/a/exit.HANDOVER')).toBe('/a/exit.HANDOVER');
  });
});
