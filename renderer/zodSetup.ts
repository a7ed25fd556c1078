// Imported first by main.tsx, before anything that builds or parses a zod schema: zod's fast path
// compiles validators with `new Function`, which the renderer's CSP (script-src 'self') forbids.
import { z } from 'zod';

z.config({ jitless: true });
