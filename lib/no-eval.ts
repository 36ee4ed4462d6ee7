// Extension pages and the background may not evaluate strings as code (lib/csp.ts). zod would try
// once (a refused eval the browser reports as a policy violation) before falling back to its
// interpreter: tell it up front. Imported first by every entrypoint that uses zod, so that it runs
// before any schema is built or parsed.
import { config } from 'zod';

config({ jitless: true });
