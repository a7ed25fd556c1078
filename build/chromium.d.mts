// Types for chromium.mjs, for playwright.config.ts and the tests of its search.
type Env = Record<string, string | undefined>;
export interface BrowserCandidate { name: string; path: string }
export type ChromiumSearch =
  | { path: string; name: string; warning: string | null }
  | { path: null; hint: string; warning: string | null };
export declare function isExecutableFile(file: string, platform?: string): boolean;
export declare function chromiumCandidates(platform?: string, env?: Env, home?: string): BrowserCandidate[];
export declare function installHint(platform?: string): string;
export declare function findChromium(opts?: { platform?: string; env?: Env; home?: string; exists?: (file: string) => boolean }): ChromiumSearch;
