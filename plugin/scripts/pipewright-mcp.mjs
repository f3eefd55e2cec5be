#!/usr/bin/env node
// The plugin's MCP server: `pipewright mcp`, run by the `pipewright` command the user installed.
// Claude Code shows this process's stderr, so when that command is missing it is told how to
// install it, rather than a bare "spawn pipewright ENOENT".
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

// The plugin's options (plugin.json `userConfig`) arrive under these names; one the user left
// blank arrives empty (or, on older Claude Code, as the literal placeholder) and must not hide
// the same variable in the environment Claude Code was started with.
const OPTION_PREFIX = 'PIPEWRIGHT_PLUGIN_';

const INSTALL_HELP = `pipewright: the \`pipewright\` command is not on this PATH, so the pipewright plugin's MCP server cannot start.
Install it (Node.js 20.19 or later), then restart Claude Code:

  npm install -g --allow-scripts=better-sqlite3,re2 ./pipewright-<version>.tgz   (a release tarball, or \`npm pack\` in a checkout)
  npm install -g pipewright                                                      (once pipewright is published on npm)

Git installs and the details: https://github.com/pipewright/pipewright#install-the-pipewright-command
`;

/** The executable `name` resolves to on PATH (with PATHEXT on Windows), as a shell would find it. */
function onPath(name, env) {
  const extensions = process.platform === 'win32' ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension);
      if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
  }
  return undefined;
}

/** The environment for `pipewright mcp`: each option the user set replaces its variable; the rest are left as they were. */
function serverEnv(env) {
  const result = { ...env };
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(OPTION_PREFIX)) continue;
    delete result[name];
    if (value && !value.startsWith('${')) result[name.slice(OPTION_PREFIX.length)] = value;
  }
  return result;
}

const env = serverEnv(process.env);
const command = onPath('pipewright', env);
if (command === undefined) {
  process.stderr.write(INSTALL_HELP);
  process.exit(1);
}
// npm's shims on Windows are .cmd files, which only a shell runs (quoted: the path may hold spaces).
const shell = /\.(cmd|bat)$/i.test(command);
const child = spawn(shell ? `"${command}"` : command, ['mcp'], { stdio: 'inherit', env, shell });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`pipewright: could not start ${command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
