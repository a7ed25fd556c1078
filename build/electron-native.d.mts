// Types for electron-native.mjs, for the tests that check its rules.
export declare function electronVersion(): string;
export declare function electronAbi(): string;
export declare function addonAbi(file: string): string | null;
export declare function cleanBuildEnv(env?: Record<string, string | undefined>): Record<string, string | undefined>;
export declare function ensureElectronNative(opts?: { arch?: string; force?: boolean; log?: (message: string) => void }): string;
