// Types for test-plan.mjs, for its tests.
import type { ChromiumSearch } from './chromium.mjs';
export interface BrowserTestPlan {
  browser: string | null;
  env: Record<string, string>;
  run: string[];
  list: string[] | null;
  skipReason: string | null;
  warning: string | null;
}
export declare function planBrowserTests(search?: ChromiumSearch): BrowserTestPlan;
export declare function countListedTests(report: unknown): number;
export declare function summaryLines(opts: { vitest?: unknown; playwright?: unknown; notRun?: number; skipReason?: string | null }): { lines: string[]; failed: number };
