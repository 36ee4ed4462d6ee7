// Imported first by the import benchmark's page code. Extension pages forbid eval (CSP script-src
// 'self'), so zod runs without its compiled fast path there. Code evaluated through DevTools passes
// zod's probe and then fails on the first object it parses; turn the fast path off before any
// schema is used (lib/model parses its defaults when it loads).
import { config } from 'zod';

config({ jitless: true });
