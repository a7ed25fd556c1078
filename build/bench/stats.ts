// Percentiles and a one-line report: benchmarks print figures, they assert nothing.
export function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export function report(name: string, samples: number[], target?: string): string {
  const f = (n: number) => n.toFixed(3);
  return `${name.padEnd(44)} n=${String(samples.length).padStart(5)}  p50 ${f(percentile(samples, 50))} ms  p95 ${f(percentile(samples, 95))} ms  max ${f(Math.max(...samples))} ms${target ? `   (target ${target})` : ''}`;
}

export async function time(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
