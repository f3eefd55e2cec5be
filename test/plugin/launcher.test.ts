// plugin/scripts/pipewright-mcp.mjs, the command the plugin's MCP server runs: `pipewright mcp`
// from PATH with the plugin's options as its environment, or a message saying how to install it.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMcp } from '../../scripts/release/probe-mcp.js';
import { PACKAGE_ROOT } from '../../src/skill/index.js';
import { BUILT_CLI, assertFreshBuild } from '../support/built-cli.js';

const LAUNCHER = join(PACKAGE_ROOT, 'plugin', 'scripts', 'pipewright-mcp.mjs');
const NODE_DIR = dirname(process.execPath);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'pw-plugin-launcher-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A folder holding an executable `pipewright` with this body. */
async function binWith(name: string, body: string): Promise<string> {
  const dir = await mkdtemp(join(scratch, `${name}-`));
  await writeFile(join(dir, 'pipewright'), body);
  await chmod(join(dir, 'pipewright'), 0o755);
  return dir;
}

function launch(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [LAUNCHER], { env, cwd: scratch }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === 'number' ? error.code : error ? 1 : 0, stdout, stderr });
    });
  });
}

// The stand-in commands here are POSIX scripts; the launcher's Windows branch (PATHEXT, .cmd) is not exercised.
describe.skipIf(process.platform === 'win32')('the plugin’s MCP launcher', () => {
  it('says how to install pipewright, on stderr, when the command is not on PATH', async () => {
    const empty = await mkdtemp(join(scratch, 'empty-'));
    const { code, stdout, stderr } = await launch({ PATH: empty });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('the `pipewright` command is not on this PATH');
    expect(stderr).toContain('npm install -g --allow-scripts=better-sqlite3,re2');
  });

  it('runs `pipewright mcp`, an option the user set replacing its variable and a blank one leaving it alone', async () => {
    const dump = `#!/usr/bin/env node
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => /KEY|TOKEN|PIPEWRIGHT/.test(name)));
process.stdout.write(JSON.stringify({ argv: process.argv.slice(2), env }));
process.exit(3);
`;
    const bin = await binWith('dump', dump);
    const { code, stdout } = await launch({
      PATH: [bin, NODE_DIR].join(delimiter),
      PIPEWRIGHT_PLUGIN_FAL_KEY: 'from-the-option',
      FAL_KEY: 'from-the-environment',
      PIPEWRIGHT_PLUGIN_REPLICATE_API_TOKEN: '',
      REPLICATE_API_TOKEN: 'from-the-environment',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code's placeholder, passed through unresolved by older versions
      PIPEWRIGHT_PLUGIN_OPENAI_API_KEY: '${user_config.openai_api_key}',
    });
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({ argv: ['mcp'], env: { FAL_KEY: 'from-the-option', REPLICATE_API_TOKEN: 'from-the-environment' } });
  });

  it('serves the built CLI’s MCP server through it: initialize, tools/list, validate_workflow', async () => {
    assertFreshBuild();
    const bin = await binWith('built', `#!/bin/sh\nexec "${process.execPath}" "${BUILT_CLI}" "$@"\n`);
    const graph = JSON.parse(await readFile(join(PACKAGE_ROOT, 'examples', 'branching.json'), 'utf8')) as unknown;
    const probe = await probeMcp({
      command: process.execPath,
      args: [LAUNCHER],
      cwd: scratch,
      env: { PATH: [bin, NODE_DIR].join(delimiter), PIPEWRIGHT_HOME: join(scratch, 'home') },
      graph,
    });
    expect(probe).toMatchObject({ serverName: 'pipewright', validation: { ok: true } });
    expect(probe.tools).toContain('list_node_types');
  });
});
