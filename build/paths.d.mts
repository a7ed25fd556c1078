// Types for paths.mjs, so the TypeScript shell and tests can import the one copy of these rules.
export declare const DATA_FOLDER: string;
export declare function dataDir(platform?: string, env?: Record<string, string | undefined>, home?: string): string;
export declare function defaultWorkbookPath(platform?: string, env?: Record<string, string | undefined>, home?: string): string;
export declare const NATIVE_FILE: string;
export declare function builderArch(nodeArch?: string): string;
export declare function electronNativeDir(root: string, electronVersion: string, platform?: string, arch?: string): string;
export declare function electronExecutable(root: string, env?: Record<string, string | undefined>, platform?: string): string | null;
