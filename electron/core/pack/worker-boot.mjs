// Starts the pack worker from its TypeScript source (tests, the CLI and the browser face run the
// sources through tsx; a worker thread does not inherit the parent's loader, so it registers its own).
// The desktop app runs the built worker instead (see packWorkerEntry in jobs.ts).
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
