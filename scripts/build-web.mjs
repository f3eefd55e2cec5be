// Builds every web app under web/ (each folder with a vite.config.ts: the run viewer, the MCP App)
// with that folder as Vite's root; each config says where its output goes under dist/.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const web = fileURLToPath(new URL('../web', import.meta.url));
const apps = readdirSync(web, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(web, entry.name, 'vite.config.ts')))
  .map((entry) => join(web, entry.name));

for (const root of apps) {
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
