// `npm run plugin:validate`: Claude Code's own checks of the plugin (plugin/) and of the marketplace
// that lists it (.claude-plugin/marketplace.json), with warnings counted as errors (--strict). It
// needs no login; Claude Code comes from npm (pinned, fetched once into npm's cache). Its postinstall
// puts the native binary in place, so it is allowed to run (npm 12 blocks install scripts by default).
import { spawnSync } from 'node:child_process';

const CLAUDE_CODE = '@anthropic-ai/claude-code@2.1.332';

for (const target of ['plugin', '.']) {
  const args = [
    'exec',
    '--yes',
    `--package=${CLAUDE_CODE}`,
    '--allow-scripts=@anthropic-ai/claude-code',
    '--',
    'claude',
    'plugin',
    'validate',
    '--strict',
    target,
  ];
  const result = spawnSync('npm', args, { cwd: new URL('..', import.meta.url), stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
