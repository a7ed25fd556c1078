// Where the desktop app finds better-sqlite3 for Electron, and the build script's checks: one
// path convention shared by main, build/electron-native.mjs and electron-builder.yml.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addonAbi, cleanBuildEnv } from '../../build/electron-native.mjs';
import { builderArch, defaultWorkbookPath, electronNativeDir } from '../../build/paths.mjs';
import { nativeBindingPath } from '../../electron/desktop/native';

const root = resolve(import.meta.dirname, '../..');

describe('nativeBindingPath', () => {
  const loc = { resourcesPath: '/opt/hw/resources', projectRoot: '/src/hw', electronVersion: '42.11.18', platform: 'linux', arch: 'x64' };

  it('uses the copy electron-builder put in resources/native when packaged', () => {
    expect(nativeBindingPath({ ...loc, isPackaged: true })).toBe(join('/opt/hw/resources', 'native', 'better_sqlite3.node'));
  });

  it('uses the cache build/electron-native.mjs fills when run from the project', () => {
    expect(nativeBindingPath({ ...loc, isPackaged: false })).toBe(join(electronNativeDir('/src/hw', '42.11.18', 'linux', 'x64'), 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...loc, isPackaged: false })).toBe(join('/src/hw', '.cache', 'electron-native', '42.11.18-linux-x64', 'better_sqlite3.node'));
    expect(nativeBindingPath({ ...loc, arch: 'arm', isPackaged: false })).toContain('42.11.18-linux-armv7l');
  });

  it('is the folder electron-builder.yml ships', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(yml).toContain('from: .cache/electron-native/${env.HANDOVER_ELECTRON_VERSION}-${platform}-${arch}/better_sqlite3.node');
    expect(yml).toContain('to: native/better_sqlite3.node');
    expect(yml).toMatch(/^npmRebuild: false$/m);
  });
});

describe('build/electron-native.mjs', () => {
  it('reads the ABI an addon was built for (here: the Node build in node_modules)', () => {
    expect(addonAbi(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(process.versions.modules);
  });

  it('drops the npm settings that would turn an Electron build into a Node build', () => {
    const env = cleanBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_target: '20.0.0', npm_config_runtime: 'node', PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128' });
    expect(env).toEqual({ PATH: '/bin', HTTPS_PROXY: 'http://proxy:3128' });
  });

  it('names architectures as electron-builder does', () => {
    expect(builderArch('arm')).toBe('armv7l');
    expect(builderArch('arm64')).toBe('arm64');
    expect(builderArch('x64')).toBe('x64');
  });
});

describe('defaultWorkbookPath (the browser face)', () => {
  it('uses the platform data folder', () => {
    expect(defaultWorkbookPath('linux', {}, '/home/ana')).toBe(join('/home/ana', '.local', 'share', 'handover-workbook', 'workbook.sqlite'));
    expect(defaultWorkbookPath('linux', { XDG_DATA_HOME: '/data' }, '/home/ana')).toBe(join('/data', 'handover-workbook', 'workbook.sqlite'));
    expect(defaultWorkbookPath('darwin', {}, '/Users/ana')).toBe(join('/Users/ana', 'Library', 'Application Support', 'handover-workbook', 'workbook.sqlite'));
    expect(defaultWorkbookPath('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'handover-workbook', 'workbook.sqlite'));
  });
});
