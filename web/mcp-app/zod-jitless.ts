// Imported first by main.tsx: the MCP SDK's schemas (zod) are built as their modules load, and an
// object schema built while zod may still compile parsers probes for eval with `Function('')`,
// which the host's policy (no 'unsafe-eval') blocks and reports as a violation. Settled here
// first, zod never probes. (App's constructor sets the same, but only after those modules load.)
import { config } from 'zod';

config({ jitless: true });
