// Where the Electron build of better-sqlite3 is. node_modules keeps the Node build (tests, CLI,
// browser face); the desktop app passes this path as better-sqlite3's `nativeBinding` instead.
import { join } from 'node:path';
import { builderArch, electronNativeDir, NATIVE_FILE } from '../../build/paths.mjs';

export interface NativeLocation {
  isPackaged: boolean;
  /** process.resourcesPath: electron-builder copies the binary to <resources>/native/. */
  resourcesPath: string;
  /** The project folder (unpackaged runs): build/electron-native.mjs fills its .cache/. */
  projectRoot: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

export function nativeBindingPath(loc: NativeLocation): string {
  if (loc.isPackaged) return join(loc.resourcesPath, 'native', NATIVE_FILE);
  return join(electronNativeDir(loc.projectRoot, loc.electronVersion, loc.platform, builderArch(loc.arch)), NATIVE_FILE);
}

/** What to tell the user when the binary is not there. */
export function missingNativeMessage(path: string, isPackaged: boolean): string {
  return isPackaged
    ? `This installation is incomplete: the SQLite module ${path} is missing. Reinstall Handover Workbook.`
    : `The SQLite module built for Electron is missing (${path}). Run "node build/electron-native.mjs" (npm start does it for you), then start again.`;
}
