// The plugin's manifest and its marketplace, checked against the schema Claude Code documents for
// them (code.claude.com/docs/en/plugins-reference, plugin-marketplaces; `claude plugin validate --strict`,
// which `npm run plugin:validate` runs, applies the same rules and more).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { providerSettingsFromEnv } from '../../src/providers/index.js';
import { PACKAGE_ROOT, SKILL_NAME } from '../../src/skill/index.js';

const PLUGIN_ROOT = join(PACKAGE_ROOT, 'plugin');
const read = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;
const pkg = (await read(join(PACKAGE_ROOT, 'package.json'))) as { version: string; license: string; repository: { url: string } };

const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const relativePath = z
  .string()
  .regex(/^\.\//, 'paths start with ./')
  .refine((path) => !path.split('/').includes('..'), 'no ..');
const UserOption = z.strictObject({
  type: z.enum(['string', 'number', 'boolean', 'directory', 'file']),
  title: z.string().min(1),
  description: z.string().min(1),
  required: z.boolean().optional(),
  sensitive: z.boolean().optional(),
});
const StdioServer = z.strictObject({ command: z.string().min(1), args: z.array(z.string()), env: z.record(z.string(), z.string()) });
const PluginManifest = z.strictObject({
  name: kebab,
  version: z.string().regex(/^\d+\.\d+\.\d+/),
  description: z.string().min(1),
  author: z.strictObject({ name: z.string().min(1), email: z.string().optional(), url: z.url().optional() }),
  homepage: z.url(),
  repository: z.url(),
  license: z.string().min(1),
  keywords: z.array(z.string()).min(1),
  skills: relativePath,
  mcpServers: z.record(z.string(), StdioServer),
  // Keys become CLAUDE_PLUGIN_OPTION_<KEY> variables: identifiers.
  userConfig: z.record(z.string().regex(/^[A-Za-z_]\w*$/), UserOption),
});
const Marketplace = z.strictObject({
  name: kebab,
  owner: z.strictObject({ name: z.string().min(1), email: z.string().optional() }),
  description: z.string().min(1),
  plugins: z.array(z.strictObject({ name: kebab, source: relativePath, description: z.string().min(1), category: z.string().optional() })).min(1),
});

const manifest = PluginManifest.parse(await read(join(PLUGIN_ROOT, '.claude-plugin', 'plugin.json')));
const marketplace = Marketplace.parse(await read(join(PACKAGE_ROOT, '.claude-plugin', 'marketplace.json')));
const server = manifest.mcpServers[SKILL_NAME]!;

describe('the Claude Code plugin manifest', () => {
  it('names the plugin, pins it to the package version and carries the package metadata', () => {
    expect(manifest).toMatchObject({ name: SKILL_NAME, version: pkg.version, license: pkg.license });
    expect(pkg.repository.url).toContain(manifest.repository.replace(/^https:\/\//, ''));
    expect(manifest.homepage).toBe(manifest.repository);
  });

  it('loads the skill from skills/pipewright/SKILL.md inside the plugin', () => {
    expect(existsSync(join(PLUGIN_ROOT, manifest.skills, SKILL_NAME, 'SKILL.md'))).toBe(true);
  });

  it('starts its MCP server with the launcher inside the plugin, under node', () => {
    expect(server.command).toBe('node');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Claude Code's placeholder for the plugin's folder
    expect(server.args).toEqual(['${CLAUDE_PLUGIN_ROOT}/scripts/pipewright-mcp.mjs']);
    expect(existsSync(join(PLUGIN_ROOT, 'scripts', 'pipewright-mcp.mjs'))).toBe(true);
  });

  it('asks for the provider keys and the remote API as optional options, the keys stored as secrets', () => {
    expect(Object.keys(manifest.userConfig).sort()).toEqual(
      ['anthropic_api_key', 'fal_key', 'openai_api_key', 'pipewright_api_key', 'pipewright_api_url', 'replicate_api_token'].sort(),
    );
    for (const [key, option] of Object.entries(manifest.userConfig)) {
      expect(option, key).toMatchObject({ type: 'string', required: false });
      expect(option.sensitive ?? false, key).toBe(key !== 'pipewright_api_url');
    }
  });

  it('hands each option to the launcher as PIPEWRIGHT_PLUGIN_<the variable pipewright reads>', () => {
    const variables = Object.fromEntries(
      Object.entries(server.env).map(([name, value]) => [/^\$\{user_config\.(\w+)\}$/.exec(value)?.[1], name.replace(/^PIPEWRIGHT_PLUGIN_/, '')]),
    );
    expect(variables).toEqual({
      fal_key: 'FAL_KEY',
      replicate_api_token: 'REPLICATE_API_TOKEN',
      openai_api_key: 'OPENAI_API_KEY',
      anthropic_api_key: 'ANTHROPIC_API_KEY',
      pipewright_api_url: 'PIPEWRIGHT_API_URL',
      pipewright_api_key: 'PIPEWRIGHT_API_KEY',
    });
    const providers = providerSettingsFromEnv({ FAL_KEY: 'a', REPLICATE_API_TOKEN: 'b', OPENAI_API_KEY: 'c', ANTHROPIC_API_KEY: 'd' });
    expect(Object.keys(providers).sort()).toEqual(['anthropic', 'fal', 'openai', 'replicate']);
  });
});

describe('the marketplace', () => {
  it('lists the plugin folder, so `claude plugin install pipewright@pipewright` finds it', () => {
    expect(marketplace.name).toBe(SKILL_NAME);
    expect(marketplace.plugins).toEqual([expect.objectContaining({ name: SKILL_NAME, source: './plugin' })]);
    expect(existsSync(join(PACKAGE_ROOT, marketplace.plugins[0]!.source, '.claude-plugin', 'plugin.json'))).toBe(true);
  });

  it('leaves the repository root without an MCP configuration of its own, so the plugin\u2019s server is the only one', () => {
    expect(existsSync(join(PACKAGE_ROOT, '.mcp.json'))).toBe(false);
    expect(existsSync(join(PLUGIN_ROOT, '.mcp.json'))).toBe(false);
  });
});
