import { describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { graph, harness } from './fixtures.js';

describe('dry run and run-time inputs', () => {
  it('returns placeholders for model nodes at zero credits and runs local nodes for real', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(
      graph({ prompt: ['utility:t_const', { value: 'cat' }], model: ['generate:t_model'], up: ['utility:t_upper'] }, [
        ['prompt', 'value', 'model', 'prompt'],
        ['prompt', 'value', 'up', 'text'],
      ]),
    );
    const state = await engine.execute({ graph: g, dryRun: true }).result;
    expect(state.nodes.model!.output).toEqual({ image: 'placeholder:generate:t_model:cat' });
    expect(state.nodes.model!.credits).toBe(0);
    expect(calls.get('model')).toBeUndefined();
    expect(state.nodes.up!.output).toEqual({ text: 'CAT' });
  });

  it('never serves a dry-run placeholder to a real run', async () => {
    const { engine, compile, calls } = harness();
    const g = compile(graph({ prompt: ['utility:t_const', { value: 'cat' }], model: ['generate:t_model'] }, [['prompt', 'value', 'model', 'prompt']]));
    await engine.execute({ graph: g, dryRun: true }).result;
    const real = await engine.execute({ graph: g }).result;
    expect(calls.get('model')).toBe(1);
    expect(real.nodes.model!.output).toEqual({ image: 'https://provider.example/cat.png' });
  });

  it('collects named outputs into finalOutput', async () => {
    const { engine, compile } = harness();
    const g = compile(
      graph({ prompt: ['utility:t_const', { value: 'cat' }], up: ['utility:t_upper'], out: ['output:t_result', { name: 'shout' }] }, [
        ['prompt', 'value', 'up', 'text'],
        ['up', 'text', 'out', 'value'],
      ]),
    );
    const state = await engine.execute({ graph: g }).result;
    expect(state.finalOutput).toEqual({ shout: 'CAT' });
  });

  it('refuses inputs for nodes that do not exist or are not inputs, before recording anything', () => {
    const { engine, compile, recorder } = harness();
    const g = compile(graph({ prompt: ['utility:t_const', { value: 'cat' }], up: ['utility:t_upper'] }, [['prompt', 'value', 'up', 'text']]));
    expect(() => engine.execute({ graph: g, inputs: { promt: 'x' } })).toThrowError(
      expect.objectContaining({ code: 'unknown_input', message: expect.stringContaining('did you mean "prompt"') }),
    );
    expect(() => engine.execute({ graph: g, inputs: { up: 'x' } })).toThrowError(PipewrightError);
    expect(() => engine.execute({ graph: g, targetNodeId: 'nope' })).toThrowError(expect.objectContaining({ code: 'unknown_node' }));
    expect(recorder.writes).toEqual([]);
  });
});
