// Imported first by the entry point, before any schema is built: the screen's CSP forbids eval, so zod
// must not probe for its compiled fast path (Chromium reports each probe as a CSP violation).
import { config } from 'zod';

config({ jitless: true });
