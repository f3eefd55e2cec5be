import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { importTemplates, importTemplatesOnFirstStart, loadTemplates } from '../../../src/service/templates/index.js';
import { bundledTemplatesDir } from '../../../src/skill/index.js';
import { useHarness } from '../harness.js';

const dir = bundledTemplatesDir();
const bundled = await loadTemplates(dir);
const get = useHarness();

async function templatesIn(accountPrincipal = get().admin) {
  const page = await get().services.workflows.list(accountPrincipal, { tag: 'template', limit: 100 });
  return page.data.map((summary) => summary.name).sort();
}

describe('importTemplates', () => {
  it('creates every bundled template as a workflow tagged template, with its inputs and graph', async () => {
    const { services, admin } = get();
    const result = await importTemplates({ workflows: services.workflows, principal: admin, dir });
    expect(result.skipped).toEqual([]);
    expect(result.imported.map((t) => t.name).sort()).toEqual(bundled.map((t) => t.name).sort());
    expect(await templatesIn()).toEqual(bundled.map((t) => t.name).sort());
    const shot = await services.workflows.get(admin, result.imported.find((t) => t.file === 'product-shot.json')!.id);
    expect(shot).toMatchObject({ name: 'Product shot', tags: expect.arrayContaining(['template', 'product']) });
    expect(shot.nodes).toHaveLength((bundled.find((t) => t.file === 'product-shot.json')!.workflow.nodes as unknown[]).length);
  });

  it('skips templates already imported by name, and only those', async () => {
    const { services, admin } = get();
    await importTemplates({ workflows: services.workflows, principal: admin, dir });
    const shot = (await services.workflows.list(admin, { tag: 'template', limit: 100 })).data.find((t) => t.name === 'Product shot')!;
    await services.workflows.delete(admin, shot.id);
    const again = await importTemplates({ workflows: services.workflows, principal: admin, dir });
    expect(again.imported.map((t) => t.name)).toEqual(['Product shot']);
    expect(again.skipped).toHaveLength(bundled.length - 1);
    expect(await templatesIn()).toEqual(bundled.map((t) => t.name).sort());
  });

  it("adds the template tag to a workflow file that lacks it, and imports into the caller's account only", async () => {
    const { services, admin } = get();
    const own = await mkdtemp(join(tmpdir(), 'pw-own-templates-'));
    onTestFinished(() => rm(own, { recursive: true, force: true }));
    await writeFile(
      join(own, 'shout.json'),
      JSON.stringify({
        name: 'Shout',
        tags: ['text'],
        nodes: [
          { id: 'say', data: { label: 'Say', nodeType: 'input:text', config: { prompt: 'hi' } } },
          { id: 'out', data: { nodeType: 'output:result', config: { name: 'said' } } },
        ],
        edges: [{ source: 'say', sourceHandle: 'out-prompt', target: 'out', targetHandle: 'in-value' }],
      }),
    );
    const stranger = await get().stranger();
    await importTemplates({ workflows: services.workflows, principal: stranger, dir: own });
    expect(await templatesIn(stranger)).toEqual(['Shout']);
    expect(await templatesIn(admin)).toEqual([]);
  });

  it('refuses without workflows:write, creating nothing', async () => {
    const { services } = get();
    const reader = await get().principalWith(['workflows:read']);
    await expect(importTemplates({ workflows: services.workflows, principal: reader, dir })).rejects.toMatchObject({ code: 'missing_scope' });
    expect(await templatesIn()).toEqual([]);
  });
});

describe('importTemplatesOnFirstStart', () => {
  it('imports into the account the first start created, and does nothing on later starts', async () => {
    const { services, admin } = get();
    expect(
      await importTemplatesOnFirstStart({ workflows: services.workflows, bootstrap: { created: false, accountId: admin.accountId }, dir }),
    ).toBeUndefined();
    expect(await templatesIn()).toEqual([]);
    const first = await importTemplatesOnFirstStart({ workflows: services.workflows, bootstrap: { created: true, accountId: admin.accountId }, dir });
    expect(first?.imported).toHaveLength(bundled.length);
    expect(await templatesIn()).toEqual(bundled.map((t) => t.name).sort());
  });
});

describe('loadTemplates on a folder the user names', () => {
  it('refuses a missing folder and a file that is not a named JSON workflow, by name', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'pw-templates-'));
    onTestFinished(() => rm(folder, { recursive: true, force: true }));
    await expect(loadTemplates(join(folder, 'nope'))).rejects.toMatchObject({ code: 'templates_not_found', kind: 'user' });
    await writeFile(join(folder, 'broken.json'), '{"nodes": [');
    await expect(loadTemplates(folder)).rejects.toMatchObject({ code: 'invalid_template', kind: 'user', message: expect.stringContaining('broken.json') });
  });
});
