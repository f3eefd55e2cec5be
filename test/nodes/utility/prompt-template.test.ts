import { describe, expect, it } from 'vitest';
import { promptTemplate } from '../../../src/nodes/utility/prompt-template.js';
import { caught, runNode } from '../context.js';

describe('utility:prompt_template', () => {
  it('makes each distinct placeholder a required text input, tolerating spaces', () => {
    const ports = promptTemplate.portsFor?.({ template: 'a {{style}} photo of {{ subject }}, {{style}} again' });
    expect(ports?.inputs).toEqual([
      expect.objectContaining({ name: 'style', type: 'text', required: true }),
      expect.objectContaining({ name: 'subject', type: 'text', required: true }),
    ]);
    expect(ports?.outputs.map((p) => p.name)).toEqual(['prompt', 'text']);
  });

  it('has no inputs for a config it cannot read', () => {
    expect(promptTemplate.portsFor?.({ template: 42 }).inputs).toEqual([]);
  });

  it('fills placeholders, reading numbers and booleans as text', async () => {
    const outputs = await runNode(promptTemplate, { template: '{{n}} {{ animal }}s, cute={{cute}}' }, { inputs: { n: 3, animal: 'cat', cute: true } });
    expect(outputs).toEqual({ prompt: '3 cats, cute=true', text: '3 cats, cute=true' });
  });

  it('leaves text that is not a placeholder alone', async () => {
    expect(await runNode(promptTemplate, { template: 'json {"a": 1} and {{not a name}}' })).toMatchObject({ prompt: 'json {"a": 1} and {{not a name}}' });
  });

  it('fails with invalid_input when a placeholder has no value', async () => {
    const error = await caught(runNode(promptTemplate, { template: 'a {{style}} photo' }));
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('{{style}}');
  });

  it('refuses placeholders that would shadow a setting', () => {
    expect(promptTemplate.config.safeParse({ template: 'x {{template}}' }).success).toBe(false);
    expect(promptTemplate.config.safeParse({ template: 'x {{timeoutMs}}' }).success).toBe(false);
    expect(promptTemplate.portsFor?.({ template: 'x {{template}} {{y}}' }).inputs.map((p) => p.name)).toEqual(['y']);
  });
});
