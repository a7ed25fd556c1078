// The app:// protocol that serves the built renderer: real files from a real folder, with a
// secret beside it that no spelling of "..", encoded or not, may reach.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createRendererHandler, registerAppScheme, rendererFile, serveRenderer } from '../../electron/desktop/protocol';

const CSP = "default-src 'none'; script-src 'self'";
let dir: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hw-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Handover Workbook</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app")');
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
  // A sibling whose name starts like the root: a prefix check without the separator lets it through.
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'x.js'), 'top secret');
  handler = createRendererHandler(root, CSP);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// scheme', () => {
  it('is registered as a standard, secure origin that keeps the CSP', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } });
  });

  it('is handled by the renderer handler', async () => {
    const protocol = { handle: vi.fn() };
    serveRenderer(protocol, root, CSP);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const installed = protocol.handle.mock.calls[0]![1] as typeof handler;
    expect((await installed(new Request('app://renderer/index.html'))).status).toBe(200);
  });
});

describe('the renderer handler', () => {
  it('serves a real file with its type, our CSP and nosniff', async () => {
    const r = await get('app://renderer/assets/index-abc.js');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('console.log("app")');
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the origin itself and its page, with any route in the hash', async () => {
    for (const url of ['app://renderer/', 'app://renderer/index.html', 'app://renderer/index.html#/vendors']) {
      const r = await get(url);
      expect(r.status, url).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await r.text()).toContain('Handover Workbook');
    }
    const head = await get('app://renderer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['an encoded slash after ..', 'app://renderer/..%2f..%2fetc/passwd'],
    ['an encoded slash to the secret beside the folder', 'app://renderer/..%2fsecret.txt'],
    ['%2e%2e with encoded slashes', 'app://renderer/%2e%2e%2fsecret.txt'],
    ['%2E%2E in capitals from a subfolder', 'app://renderer/assets/%2E%2E%2F%2E%2E%2Fsecret.txt'],
    ['a mix of dots and escapes', 'app://renderer/assets/.%2e%2f.%2E/secret.txt'],
    ['encoded backslashes (separators on Windows)', 'app://renderer/..%5csecret.txt'],
    ['a sibling folder named like ours', 'app://renderer/..%2frenderer-evil/x.js'],
  ])('refuses a traversal with %s', async (_name, url) => {
    expect(rendererFile(url, root)).toBeNull();
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('secret');
  });

  it('keeps a decoded absolute path inside the folder', async () => {
    expect(rendererFile('app://renderer/%2fetc%2fpasswd', root)).toBe(join(root, 'etc', 'passwd'));
    expect((await get('app://renderer/%2fetc%2fpasswd')).status).toBe(404);
  });

  it.each([
    ['another host on the scheme', 'app://elsewhere/index.html'],
    ['a port', 'app://renderer:1/index.html'],
    ['malformed percent-encoding', 'app://renderer/%zz'],
    ['a truncated UTF-8 escape', 'app://renderer/%E0%A4%A'],
    ['a NUL byte', 'app://renderer/index.html%00.js'],
    ['a folder', 'app://renderer/assets/'],
    ['a missing file', 'app://renderer/nope.js'],
  ])('answers 404 for %s', async (_name, url) => {
    expect((await get(url)).status).toBe(404);
  });

  it('names no file for user:password@ (a Request cannot even carry one)', () => {
    expect(rendererFile('app://x@renderer/index.html', root)).toBeNull();
    expect(rendererFile(join(root, 'index.html'), root)).toBeNull();
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
  });
});
