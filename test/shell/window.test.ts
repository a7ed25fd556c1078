// The main window's guards, with Electron replaced by fakes that record what the shell installs.
// As in Electron, every new web contents is announced on `app` ('web-contents-created'), where
// guardAllWebContents puts the page guards on it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, type AppLocation } from '../../electron/desktop/urls';
import { contentSecurityPolicy, createMainWindow, guardAllWebContents, type WebContentsSource } from '../../electron/desktop/window';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class FakeSession {
    permissionRequest: Listener | null = null;
    permissionCheck: Listener | null = null;
    devicePermission: Listener | null = null;
    beforeRequest: Listener | null = null;
    headersReceived: Listener | null = null;
    setPermissionRequestHandler(fn: Listener) { this.permissionRequest = fn; }
    setPermissionCheckHandler(fn: Listener) { this.permissionCheck = fn; }
    setDevicePermissionHandler(fn: Listener) { this.devicePermission = fn; }
    webRequest = {
      onBeforeRequest: (fn: Listener) => { this.beforeRequest = fn; },
      onHeadersReceived: (fn: Listener) => { this.headersReceived = fn; },
    };
  }
  const app = {
    listeners: [] as Listener[],
    on(name: string, fn: Listener) { if (name === 'web-contents-created') this.listeners.push(fn); return this; },
  };
  class FakeWebContents {
    session = new FakeSession();
    constructor() { for (const fn of app.listeners) fn({}, this); }
    listeners = new Map<string, Listener[]>();
    windowOpen: Listener | null = null;
    on(name: string, fn: Listener) { this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]); return this; }
    setWindowOpenHandler(fn: Listener) { this.windowOpen = fn; }
    emit(name: string, ...args: unknown[]) { for (const fn of this.listeners.get(name) ?? []) fn(...args); }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    listeners = new Map<string, Listener[]>();
    constructor(public options: Record<string, unknown>) { FakeBrowserWindow.created.push(this); }
    on(name: string, fn: Listener) { this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]); return this; }
    once(name: string, fn: Listener) { return this.on(name, fn); }
    emit(name: string, ...args: unknown[]) { for (const fn of this.listeners.get(name) ?? []) fn(...args); }
    show() {}
  }
  return { app, FakeWebContents, FakeBrowserWindow, openExternal: vi.fn(async (_url: string) => {}) };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow, shell: { openExternal: fake.openExternal } }));


const INDEX = APP_INDEX_URL;
const APP: AppLocation = { kind: 'app' };
// The fake hands out fake web contents; the guard only calls what they implement.
guardAllWebContents(fake.app as unknown as WebContentsSource, APP);

function open(app: AppLocation = APP, devTools = false) {
  createMainWindow({ preload: '/app/out/preload/preload.cjs', app, title: 'w.sqlite — Handover Workbook', devTools });
  const win = fake.FakeBrowserWindow.created.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

/** The CSP as a map from directive to its sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));
}

beforeEach(() => {
  fake.FakeBrowserWindow.created.length = 0;
  fake.openExternal.mockClear();
});

describe('the main window', () => {
  it('runs the page sandboxed, isolated and without Node', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/out/preload/preload.cjs',
    });
  });

  it('keeps its own title when the page sets <title>', () => {
    const win = open();
    const event = { preventDefault: vi.fn() };
    win.emit('page-title-updated', event, 'Something else');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win.options.title).toBe('w.sqlite — Handover Workbook');
  });
});

describe('the Content Security Policy', () => {
  it('is strict: nothing by default, scripts only from the app, no eval, inline only for styles', () => {
    const csp = directives(contentSecurityPolicy(APP));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy(APP)).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy(APP)).not.toMatch(/\*/);
  });

  it('is sent as a response header, replacing any the response brought', () => {
    const session = open().webContents.session;
    const callback = vi.fn();
    session.headersReceived?.({ url: INDEX, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } }, callback);
    const headers = callback.mock.calls[0]?.[0].responseHeaders as Record<string, string[]>;
    const cspHeaders = Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy');
    expect(cspHeaders).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy(APP)]);
    expect(headers['X-Other']).toEqual(['kept']);
  });

  it('loosens only what the dev server needs during development', () => {
    const csp = directives(contentSecurityPolicy({ kind: 'dev', url: 'http://localhost:5173/' }));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
  });
});

describe('leaving the app', () => {
  it('denies every new window and opens only http(s) links in the browser', () => {
    const contents = open().webContents;
    expect(contents.windowOpen?.({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(fake.openExternal).toHaveBeenCalledWith('https://example.com/docs');
    fake.openExternal.mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'https://evil.com@good.example/']) {
      expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation away from the page', () => {
    const contents = open().webContents;
    const away = navigationEvent('https://example.com/');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(fake.openExternal).toHaveBeenCalledWith('https://example.com/');

    fake.openExternal.mockClear();
    const local = navigationEvent('file:///home/user/secret.html');
    contents.emit('will-navigate', local);
    expect(local.preventDefault).toHaveBeenCalled();
    expect(fake.openExternal).not.toHaveBeenCalled();

    const reload = navigationEvent(`${INDEX}#/vendors`);
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks redirects away from the page and <webview> tags', () => {
    const contents = open().webContents;
    const redirect = navigationEvent('https://example.com/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('the session', () => {
  it('denies every permission request and check', () => {
    const session = open().webContents.session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequest?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck?.({}, permission, INDEX)).toBe(false);
    }
    expect(session.devicePermission?.({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels requests that leave the app', () => {
    const session = open().webContents.session;
    const verdict = (url: string) => {
      const callback = vi.fn();
      session.beforeRequest?.({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(verdict('app://renderer/assets/index.js')).toEqual({ cancel: false });
    expect(verdict('https://example.com/beacon')).toEqual({ cancel: true });
    expect(verdict('file:///etc/passwd')).toEqual({ cancel: true });
    expect(verdict('file:///app/out/renderer/assets/index.js')).toEqual({ cancel: true });
  });
});

describe('every web contents, not only the main window', () => {
  it('gets the same guards, in its own session too (the print window lives in a partition)', () => {
    const contents = new fake.FakeWebContents();
    expect(contents.windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const away = navigationEvent('file:///tmp/handover-report-x/other.html');
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const redirect = navigationEvent('https://example.com/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const callback = vi.fn();
    contents.session.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(contents.session.permissionCheck?.({}, 'media', 'file:///tmp/x.html')).toBe(false);
    expect(contents.session.devicePermission?.({ deviceType: 'hid' })).toBe(false);
  });
});
