// `npm start` without Electron: the browser face in an app window of the browser found
// (build/app-window.mjs). The command line is checked as spawned, with spawn faked.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appWindowArgs, browserProfileDir, launchPage, openAppWindow, readyUrl } from '../../build/app-window.mjs';

const root = resolve(import.meta.dirname, '../..');
const URL_WITH_TOKEN = 'http://127.0.0.1:43125/?token=Zr4_secret-token-0123456789';

describe('the app window', () => {
  it('is an app window in a profile of its own, without first-run questions', () => {
    expect(appWindowArgs({ target: 'file:///p/open-window.html', profileDir: '/p/browser-profile' })).toEqual([
      '--app=file:///p/open-window.html',
      '--user-data-dir=/p/browser-profile',
      '--no-first-run',
      '--no-default-browser-check',
    ]);
    expect(appWindowArgs({ target: 'x', profileDir: '/p', noSandbox: true })).toContain('--no-sandbox');
  });

  it('keeps its profile in the browser face data folder (the snap Chromium in its own)', () => {
    expect(browserProfileDir('/usr/bin/chromium', 'linux', {}, '/home/ana')).toBe('/home/ana/.local/share/handover-workbook/browser-profile');
    expect(browserProfileDir('/usr/bin/chromium', 'linux', { XDG_DATA_HOME: '/data' }, '/home/ana')).toBe('/data/handover-workbook/browser-profile');
    expect(browserProfileDir('/snap/bin/chromium', 'linux', {}, '/home/ana')).toBe('/home/ana/snap/chromium/common/handover-workbook/browser-profile');
    expect(browserProfileDir('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'darwin', {}, '/Users/ana'))
      .toBe('/Users/ana/Library/Application Support/handover-workbook/browser-profile');
    expect(browserProfileDir('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'))
      .toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'handover-workbook', 'browser-profile'));
  });

  it('finds the URL in the line the browser face prints once it listens', () => {
    expect(readyUrl(`Handover Workbook is ready: ${URL_WITH_TOKEN}`)).toBe(URL_WITH_TOKEN);
    expect(readyUrl('Workbook: /home/ana/workbook.sqlite')).toBeNull();
    expect(readyUrl('Handover Workbook is ready: http://evil.example/')).toBeNull();
    // The line comes from electron/web/main.ts: the two must not drift apart.
    expect(readFileSync(join(root, 'electron/web/main.ts'), 'utf8')).toContain('console.log(`Handover Workbook is ready: ${web.url}`)');
  });

  it('writes a launch page that forwards to the URL, with the URL escaped', () => {
    expect(launchPage(URL_WITH_TOKEN)).toContain(`<meta http-equiv="refresh" content="0;url=${URL_WITH_TOKEN}">`);
    expect(launchPage('http://127.0.0.1:1/?a=1&b="><script>')).toContain('content="0;url=http://127.0.0.1:1/?a=1&amp;b=&quot;>&lt;script>"');
  });
});

describe('openAppWindow', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-window-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('spawns the browser on a launch page only this user can read, never with the token on its command line', () => {
    const calls: { command: string; args: string[]; options: unknown }[] = [];
    const fakeChild = { on() { return this; } };
    const profileDir = join(dir, 'handover-workbook', 'browser-profile');
    const child = openAppWindow({
      browser: '/usr/bin/chromium',
      url: URL_WITH_TOKEN,
      profileDir,
      spawn: ((command: string, args: string[], options: unknown) => { calls.push({ command, args, options }); return fakeChild; }) as never,
    });
    expect(child).toBe(fakeChild);
    expect(calls).toHaveLength(1);
    const { command, args, options } = calls[0]!;
    expect(command).toBe('/usr/bin/chromium');
    expect(options).toMatchObject({ stdio: 'ignore' });
    expect(args.join(' ')).not.toContain('secret-token');
    const page = join(dir, 'handover-workbook', 'open-window.html');
    expect(args).toEqual(appWindowArgs({ target: `file://${page}`, profileDir }));
    expect(fileURLToPath(args[0]!.slice('--app='.length))).toBe(page);
    expect(readFileSync(page, 'utf8')).toBe(launchPage(URL_WITH_TOKEN));
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(statSync(profileDir).isDirectory()).toBe(true);
  });
});
