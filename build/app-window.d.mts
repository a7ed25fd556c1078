// Types for app-window.mjs, for its tests.
import type { ChildProcess, SpawnOptions } from 'node:child_process';
export declare function readyUrl(line: string): string | null;
export declare function browserProfileDir(browser: string, platform?: string, env?: Record<string, string | undefined>, home?: string): string;
export declare function launchPage(url: string): string;
export declare function appWindowArgs(opts: { target: string; profileDir: string; noSandbox?: boolean }): string[];
export declare function openAppWindow(opts: {
  browser: string;
  url: string;
  profileDir: string;
  noSandbox?: boolean;
  spawn?: (command: string, args: string[], options: SpawnOptions) => ChildProcess;
}): ChildProcess;
