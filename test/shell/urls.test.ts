// The shell's URL rules: which links may leave the app, which page is ours, what may load at all.
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, isAllowedRequest, isAppUrl, isSafeExternalUrl, safeExternalUrl, startUrl, type AppLocation } from '../../electron/desktop/urls';

const BUILT_APP: AppLocation = { kind: 'app' };
const DEV_APP: AppLocation = { kind: 'dev', url: 'http://localhost:5173/' };

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#frag',
    'HTTP://EXAMPLE.COM/',
    'HtTpS://example.com',
    'https://例え.jp/',
  ])('lets %j open in the browser', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: split by a newline the parser drops', 'java\nscript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['mailto:', 'mailto:someone@example.com'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['userinfo that makes a host look like another', 'https://evil.com@good.example'],
    ['user and password', 'https://user:secret@example.com/'],
    ['leading whitespace', ' https://example.com'],
    ['a trailing newline', 'https://example.com\n'],
    ['a tab inside', 'https://exam\tple.com'],
    ['a space inside', 'https://example.com/a b'],
    ['a control character', 'https://example.com/\u0000'],
    ['a line separator', 'https://example.com/\u2028'],
    ['no scheme', '//example.com'],
    ['no host', 'https://'],
    ['empty', ''],
    ['not a string', 42],
    ['undefined', undefined],
    ['too long', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_name, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('hands the parsed, normalized URL on, not the raw text', () => {
    expect(safeExternalUrl('HTTP://EXAMPLE.COM')).toBe('http://example.com/');
  });
});

describe('isAppUrl', () => {
  it('accepts our index.html on app://renderer, with any route in the hash', () => {
    expect(startUrl(BUILT_APP)).toBe('app://renderer/index.html');
    expect(isAppUrl(APP_INDEX_URL, BUILT_APP)).toBe(true);
    expect(isAppUrl('app://renderer/index.html#/vendors/1', BUILT_APP)).toBe(true);
  });

  it('refuses other pages, other hosts, user:password@, ports and other schemes', () => {
    expect(isAppUrl('app://renderer/other.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('app://attacker/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('app://renderer.evil/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('app://x@renderer/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('app://renderer:8080/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('file:///opt/Handover%20Workbook/resources/app.asar/out/renderer/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('https://renderer/index.html', BUILT_APP)).toBe(false);
    expect(isAppUrl('about:blank', BUILT_APP)).toBe(false);
  });

  it('accepts only the dev server origin during development', () => {
    expect(isAppUrl('http://localhost:5173/#/vendors', DEV_APP)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.com/', DEV_APP)).toBe(false);
    expect(isAppUrl('http://evil.com/?http://localhost:5173/', DEV_APP)).toBe(false);
  });
});

describe('isAllowedRequest', () => {
  it('loads our app:// origin (its handler checks the paths), data: and blob: only; no file: at all', () => {
    expect(isAllowedRequest('app://renderer/assets/index-abc.js', BUILT_APP)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', BUILT_APP)).toBe(true);
    expect(isAllowedRequest('blob:app://renderer/1234', BUILT_APP)).toBe(true);
    expect(isAllowedRequest('app://elsewhere/x.js', BUILT_APP)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', BUILT_APP)).toBe(false);
    expect(isAllowedRequest('file:///opt/Handover%20Workbook/resources/app.asar/out/renderer/assets/index-abc.js', BUILT_APP)).toBe(false);
  });

  it('never reaches the network from the built app', () => {
    expect(isAllowedRequest('https://example.com/tracker.js', BUILT_APP)).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:5173/', BUILT_APP)).toBe(false);
    expect(isAllowedRequest('wss://example.com/', BUILT_APP)).toBe(false);
  });

  it('reaches only the dev server (and its hot-reload socket) during development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', DEV_APP)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', DEV_APP)).toBe(true);
    expect(isAllowedRequest('https://example.com/', DEV_APP)).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd', DEV_APP)).toBe(false);
  });
});
