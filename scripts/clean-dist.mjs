// Every build starts from an empty dist/: tsc never deletes the output of a removed source file and
// esbuild never deletes an old chunk, so without this a stale file could ship in the tarball.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
