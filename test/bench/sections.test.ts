import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { withCleanup } from '../../bench/support/scope.js';
import {
  formatOutcome,
  outcomesJson,
  runSections,
  summarize,
  type RunSectionsOptions,
  type Section,
  type SectionOutcome,
} from '../../bench/support/sections.js';

function options(overrides: Partial<RunSectionsOptions> = {}): RunSectionsOptions & { printed: SectionOutcome[] } {
  const printed: SectionOutcome[] = [];
  return { limitMs: 5_000, limitSource: '--section-seconds', stopGraceMs: 1_000, onOutcome: (outcome) => void printed.push(outcome), printed, ...overrides };
}

const completes = (name: string, text = `${name} table\n`): Section => ({ name, run: async () => ({ report: { name }, text }) });

/** Records one figure, then waits until told to stop (or never, if `ignoresAbort`). */
const hangs = (name: string, ignoresAbort = false): Section => ({
  name,
  async run({ signal, figure }) {
    figure('first figure: 12 ms');
    await (ignoresAbort ? delay(60_000, undefined, { ref: false }) : delay(60_000, undefined, { signal }));
    throw new Error('unreachable');
  },
});

describe('runSections', () => {
  it('reports a failed section with its reason and figures, runs the next, and prints each as it ends', async () => {
    const failing: Section = {
      name: 'executions',
      async run({ figure }) {
        figure('POST /run: 800 req/s');
        throw new Error('executions still queued or running after 180000 ms');
      },
    };
    const opts = options();
    const outcomes = await runSections([completes('engine'), failing, completes('mcp')], opts);

    expect(opts.printed).toEqual(outcomes);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([
      ['engine', 'completed'],
      ['executions', 'failed'],
      ['mcp', 'completed'],
    ]);
    const text = outcomes.map(formatOutcome).join('\n');
    expect(text).toContain('engine table');
    expect(text).toContain('mcp table');
    expect(text).toMatch(/bench\/executions: FAILED after \d+ ms: executions still queued or running after 180000 ms/);
    expect(text).toContain('  POST /run: 800 req/s');
    expect(summarize(outcomes).exitCode).toBe(1);
  });

  it('stops a section at its time limit, says so and where the limit comes from, and keeps its figures', async () => {
    let aborted = false;
    const section = hangs('mcp');
    const watched: Section = {
      name: section.name,
      run: (context) => {
        context.signal.addEventListener('abort', () => (aborted = true));
        return section.run(context);
      },
    };
    const [outcome, next] = await runSections([watched, completes('api')], options({ limitMs: 50 }));

    expect(aborted).toBe(true);
    expect(outcome).toMatchObject({
      name: 'mcp',
      status: 'timed out',
      reason: 'still running after the 50 ms limit (--section-seconds)',
      figures: ['first figure: 12 ms'],
    });
    expect(formatOutcome(outcome!)).toMatch(/^bench\/mcp: TIMED OUT after \d+ ms: still running/);
    expect(next).toMatchObject({ name: 'api', status: 'completed' });
  });

  it('moves on from a section that does not stop when told to, and says so', async () => {
    const [outcome] = await runSections([hangs('engine', true), completes('api')], options({ limitMs: 20, stopGraceMs: 20 }));
    expect(outcome).toMatchObject({ status: 'timed out' });
    expect(outcome!.status !== 'completed' && outcome!.reason).toMatch(/not stopped 20 ms after it was told to$/);
  });

  it('exits 0 only when every section completed, and prints a completed section unchanged', async () => {
    const outcomes = await runSections([completes('engine', 'exact text\n')], options());
    expect(formatOutcome(outcomes[0]!)).toBe('exact text\n');
    expect(summarize(outcomes)).toMatchObject({ exitCode: 0, text: expect.stringContaining('all 1 sections completed') });
  });

  it('says when a section measured nothing', () => {
    expect(formatOutcome({ name: 'api', status: 'failed', ms: 1_500, reason: 'no ready message', figures: [] })).toBe(
      'bench/api: FAILED after 1.5 s: no ready message\n  no figure was measured before it stopped\n',
    );
  });

  it('puts each report, or the status, reason and figures, under the section name in --json', () => {
    expect(
      outcomesJson([
        { name: 'engine', status: 'completed', ms: 1, report: { scenarios: [] }, text: '' },
        { name: 'api', status: 'timed out', ms: 2, reason: 'limit', figures: ['a'] },
      ]),
    ).toEqual({ engine: { scenarios: [] }, api: { status: 'timed out', reason: 'limit', ms: 2, figures: ['a'] } });
  });
});

describe('withCleanup with a signal', () => {
  it('runs the clean-ups as soon as the signal aborts, and at once for any registered after', async () => {
    const controller = new AbortController();
    const cleaned: string[] = [];
    const work = withCleanup(async (defer) => {
      defer(async () => void cleaned.push('server'));
      controller.abort(new Error('out of time'));
      await delay(10);
      expect(cleaned).toEqual(['server']);
      defer(async () => void cleaned.push('late child'));
      return 'unreachable';
    }, controller.signal);

    await expect(work).rejects.toThrow('out of time');
    expect(cleaned).toEqual(['server', 'late child']);
  });
});
