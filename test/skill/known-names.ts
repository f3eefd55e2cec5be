import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { CallToolResultSchema, ReadResourceResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { Command } from 'commander';
import { Hono } from 'hono';
import pino from 'pino';
import { z } from 'zod';
import { restArtifactUrls } from '../../src/api/artifact-urls/index.js';
import { errorHandler } from '../../src/api/errors/index.js';
import { requestId } from '../../src/api/request-id/index.js';
import { compatPoll } from '../../src/service/index.js';
import { registerRoutes } from '../../src/api/routes/index.js';
import type { Backend } from '../../src/backend/backend.js';
import { registerKeys } from '../../src/cli/commands/keys.js';
import { registerMcp } from '../../src/cli/commands/mcp.js';
import { registerNodes } from '../../src/cli/commands/nodes.js';
import { registerRun } from '../../src/cli/commands/run.js';
import { registerServe } from '../../src/cli/commands/serve.js';
import { registerSkill } from '../../src/cli/commands/skill.js';
import { registerTemplates } from '../../src/cli/commands/templates.js';
import { registerValidate } from '../../src/cli/commands/validate.js';
import { registerWait } from '../../src/cli/commands/wait.js';
import { SCRATCH_TAG } from '../../src/backend/scratch.js';
import type { SkipReason } from '../../src/engine/index.js';
import { ERROR_CODES, PipewrightError } from '../../src/errors/index.js';
import { BASE_PORT_TYPES, COMMON_CONFIG_KEYS, VIOLATION_RULES, WARNING_RULES, WorkflowSchema } from '../../src/graph/index.js';
import { createServer } from '../../src/mcp/server.js';
import { createBuiltinRegistry, describeNodeType, modelEntryOf, providerWarnings } from '../../src/nodes/index.js';
import { SCOPES } from '../../src/service/principal.js';
import * as wire from '../../src/service/wire/index.js';
import { loadTemplates } from '../../src/service/templates/index.js';
import { bundledTemplatesDir, PACKAGE_ROOT } from '../../src/skill/index.js';
import { jsonBlocks, type SkillDoc } from './skill-docs.js';

/** A JSON Schema as the MCP SDK and zod write it, read only for names. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  additionalProperties?: JsonSchema | boolean;
}

export interface McpTool {
  name: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
}

// Compiled against the engine's union: adding a reason without listing it here fails the type check.
const SKIP_REASONS = ['upstream_failed', 'branch_not_taken', 'not_targeted'] as const satisfies readonly SkipReason[];
const allReasonsListed: Exclude<SkipReason, (typeof SKIP_REASONS)[number]> extends never ? true : false = true;

/** The MCP server as a client sees it: its tools with their schemas, and its resource templates. Listing calls nothing on the backend. */
async function mcpSurface(): Promise<{ tools: McpTool[]; uriTemplates: string[] }> {
  const { server } = createServer({ backend: {} as Backend, version: '0.0.0', templatesDir: bundledTemplatesDir() });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'skill-facts', version: '0.0.0' });
  await client.connect(clientSide);
  try {
    const tools = (await client.listTools()).tools as McpTool[];
    const uriTemplates = (await client.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate);
    return { tools, uriTemplates };
  } finally {
    await client.close();
    await server.close();
  }
}

/**
 * The REST routes as `METHOD /path/:param`. Registering them only wires handlers, which use their
 * dependencies when a request comes: a stand-in that answers every property with itself is enough.
 */
function restRoutes(): string[] {
  const anything: unknown = new Proxy(() => {}, { get: () => anything, apply: () => anything });
  const api = new Hono();
  registerRoutes(api as never, anything as never);
  return [...new Set(api.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
}

/**
 * What REST answers beside its schemas, produced by the REST code itself: an error body, a
 * cancelled execution's poll and a signed file URL.
 */
async function restAnswerWords(into: Set<string>): Promise<void> {
  const app = new Hono();
  app.use(requestId() as never);
  app.onError(errorHandler(pino({ level: 'silent' })) as never);
  app.get('/refused', () => {
    throw new PipewrightError('not_found');
  });
  jsonWords(await (await app.request('/refused')).json(), into);
  jsonWords(compatPoll({ executionId: 'e', status: 'CANCELLED', nodeStates: [], finalOutput: null, error: null }), into);
  const signed = await restArtifactUrls({ publicBaseUrl: 'http://127.0.0.1', links: { sign: async () => ({ exp: 1, sig: 's' }) } }).url(
    `art_${'0'.repeat(24)}`,
  );
  for (const key of new URL(signed).searchParams.keys()) into.add(key);
}

function jsonWords(value: unknown, into: Set<string>): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(value)) into.add(key);
    jsonWords(item, into);
  }
}

/** The `pipewright` command line as its commands register it (their actions load only when run). */
function cliProgram(): Command {
  const program = new Command('pipewright');
  for (const register of [
    registerRun,
    registerWait,
    registerValidate,
    registerNodes,
    registerServe,
    registerMcp,
    registerKeys,
    registerSkill,
    registerTemplates,
  ])
    register(program);
  return program;
}

/** Every property name and enum value anywhere in a JSON Schema. */
function schemaWords(schema: unknown, into: Set<string>): void {
  if (schema === null || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const item of schema) schemaWords(item, into);
    return;
  }
  const node = schema as Record<string, unknown>;
  for (const key of Object.keys((node.properties as object | undefined) ?? {})) into.add(key);
  for (const value of (node.enum as unknown[] | undefined) ?? []) if (typeof value === 'string') into.add(value);
  if (typeof node.const === 'string') into.add(node.const);
  for (const value of Object.values(node)) schemaWords(value, into);
}

/** Names of the code that the skill may mention, each set read from where the code defines it. */
export async function knownNames(docs: readonly SkillDoc[]) {
  if (!allReasonsListed) throw new Error('unreachable');
  const registry = createBuiltinRegistry();
  const { tools, uriTemplates } = await mcpSurface();
  const current = registry.list().filter((type) => type.deprecated === undefined);
  const entries = current.map((type) => describeNodeType(type));

  // Field names and values: the tools' schemas, every wire schema, the graph's, node settings and ports.
  const fields = new Set<string>([...COMMON_CONFIG_KEYS, SCRATCH_TAG]);
  for (const tool of tools) schemaWords([tool.inputSchema, tool.outputSchema], fields);
  for (const schema of [...Object.values(wire), WorkflowSchema]) {
    if (schema instanceof z.ZodType) schemaWords(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }), fields);
  }
  for (const spec of Object.values(ERROR_CODES)) for (const key of (spec as { exposes?: readonly string[] }).exposes ?? []) fields.add(key);
  for (const entry of entries) {
    for (const field of [...entry.inputs, ...entry.outputs]) fields.add(field.id);
    schemaWords(entry.configSchema, fields);
  }
  for (const family of new Set(current.map((type) => type.nodeType.split(':')[0]!))) fields.add(family);
  for (const type of [...BASE_PORT_TYPES, ...SCOPES]) fields.add(type);
  for (const type of current) fields.add(modelEntryOf(type)?.provider ?? type.category);
  await restAnswerWords(fields);
  // The node ids of the graphs a reader sees: the bundled templates' and those the documents show.
  const graphs = [
    ...(await loadTemplates(bundledTemplatesDir())).map((t) => t.workflow),
    ...docs.flatMap((doc) => jsonBlocks(doc.text).map((b) => JSON.parse(b))),
  ];
  for (const graph of graphs) for (const node of (graph as { nodes?: Array<{ id: string }> }).nodes ?? []) fields.add(node.id);

  const templates = (await readdir(bundledTemplatesDir())).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
  const notConfigured = providerWarnings([{ nodeId: 'n', nodeType: 'generate:x', provider: 'fal', env: [] }])[0]!.rule;
  return {
    registry,
    tools,
    uriTemplates,
    routes: restRoutes(),
    cli: cliProgram(),
    fields,
    errorCodes: new Set(Object.keys(ERROR_CODES)),
    skipReasons: new Set<string>(SKIP_REASONS),
    rules: new Set<string>([...VIOLATION_RULES, ...WARNING_RULES, notConfigured]),
    templates,
    /** The MCP protocol's own names: a tool result's fields and content types, a resource's contents. */
    protocol: protocolWords(),
    /** Handles any current node type has, by direction: `in-image`, `out-items`. */
    handles: new Set(
      entries.flatMap((entry) => [...entry.inputs.filter((f) => f.isPort).map((f) => `in-${f.id}`), ...entry.outputs.map((f) => `out-${f.id}`)]),
    ),
    sourceText: await sourceText(join(PACKAGE_ROOT, 'src')),
  };
}

function protocolWords(): Set<string> {
  const words = new Set<string>();
  for (const schema of [CallToolResultSchema, ReadResourceResultSchema]) schemaWords(z.toJSONSchema(schema, { unrepresentable: 'any' }), words);
  return words;
}

export type KnownNames = Awaited<ReturnType<typeof knownNames>>;

/** All of src/, to find the environment variables the code reads. */
async function sourceText(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.ts'));
  return (await Promise.all(files.map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))).join('\n');
}
