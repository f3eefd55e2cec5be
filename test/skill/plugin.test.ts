import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, SKILL_NAME } from '../../src/skill/index.js';

const read = async <T>(path: string) => JSON.parse(await readFile(join(PACKAGE_ROOT, path), 'utf8')) as T;
const pkg = await read<{ version: string }>('package.json');

// The Claude Code plugin format: code.claude.com/docs/en/plugins-reference and plugin-marketplaces.
describe('the Claude Code plugin', () => {
  it('names the plugin, pins it to the package version, and loads SKILL.md from the plugin root', async () => {
    const manifest = await read<{ name: string; version: string; skills: string[] }>('.claude-plugin/plugin.json');
    expect(manifest).toMatchObject({ name: SKILL_NAME, version: pkg.version });
    for (const path of manifest.skills) {
      expect(path).toMatch(/^\.\//);
      expect(existsSync(join(PACKAGE_ROOT, path, 'SKILL.md'))).toBe(true);
    }
  });

  it('starts the MCP server with `pipewright mcp`', async () => {
    const config = await read<{ mcpServers: Record<string, { command: string; args: string[] }> }>('.mcp.json');
    expect(config.mcpServers.pipewright).toEqual({ command: 'npx', args: ['-y', 'pipewright', 'mcp'] });
  });

  it('is listed by the repository marketplace, so `/plugin install pipewright@pipewright` finds it', async () => {
    const marketplace = await read<{ name: string; plugins: Array<{ name: string; source: string }> }>('.claude-plugin/marketplace.json');
    expect(marketplace.plugins).toEqual([expect.objectContaining({ name: SKILL_NAME, source: './' })]);
    expect(existsSync(join(PACKAGE_ROOT, marketplace.plugins[0]!.source, '.claude-plugin', 'plugin.json'))).toBe(true);
  });

  it('ships in the npm package with the skill', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_ROOT });
    const files = (JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((file) => file.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'SKILL.md',
        '.claude-plugin/plugin.json',
        '.claude-plugin/marketplace.json',
        '.mcp.json',
        'skill/references/api.md',
        'skill/references/node-catalog.md',
        'skill/templates/product-shot.json',
      ]),
    );
  });
});
