/**
 * Runs bench sections one after another so that one failing or running out of time never costs
 * the figures of the others: each section's text is written as soon as it ends, a section that
 * does not finish is reported with its reason and the figures it had recorded, and the exit code
 * says whether all finished only after everything is printed.
 */

export interface SectionContext {
  /** Aborted when the section runs out of time: its clean-ups (children, temp homes) run then. */
  signal: AbortSignal;
  /** Records one measured figure as a line, printed if the section does not finish. */
  figure(line: string): void;
}

export interface SectionResult {
  report: unknown;
  text: string;
}

export interface Section {
  name: string;
  run(context: SectionContext): Promise<SectionResult>;
}

export type SectionOutcome =
  | { name: string; status: 'completed'; ms: number; report: unknown; text: string }
  | { name: string; status: 'failed' | 'timed out'; ms: number; reason: string; figures: string[] };

export interface RunSectionsOptions {
  /** Wall-clock limit of one section. */
  limitMs: number;
  /** Where the limit comes from, named in a timed-out section's line (e.g. a flag). */
  limitSource: string;
  /** How long a timed-out section gets to stop (its clean-ups) before the next one starts. */
  stopGraceMs: number;
  /** Receives each section's outcome as soon as it is known. */
  onOutcome(outcome: SectionOutcome): void;
}

class SectionTimeout extends Error {
  override name = 'SectionTimeout';
}

export async function runSections(sections: readonly Section[], options: RunSectionsOptions): Promise<SectionOutcome[]> {
  const outcomes: SectionOutcome[] = [];
  for (const section of sections) {
    const outcome = await runSection(section, options);
    outcomes.push(outcome);
    options.onOutcome(outcome);
  }
  return outcomes;
}

async function runSection(section: Section, options: RunSectionsOptions): Promise<SectionOutcome> {
  const figures: string[] = [];
  const controller = new AbortController();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const running = Promise.resolve().then(() => section.run({ signal: controller.signal, figure: (line) => void figures.push(line) }));
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SectionTimeout(`still running after the ${seconds(options.limitMs)} limit (${options.limitSource})`)), options.limitMs);
  });
  try {
    const { report, text } = await Promise.race([running, limit]);
    return { name: section.name, status: 'completed', ms: elapsed(), report, text };
  } catch (error) {
    const ms = elapsed();
    if (!(error instanceof SectionTimeout)) return { name: section.name, status: 'failed', ms, reason: reasonOf(error), figures };
    controller.abort(error);
    const stopped = await settlesWithin(running, options.stopGraceMs);
    const reason = stopped ? error.message : `${error.message}; not stopped ${seconds(options.stopGraceMs)} after it was told to`;
    return { name: section.name, status: 'timed out', ms, reason, figures };
  } finally {
    clearTimeout(timer);
  }
}

function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = work.then(
    () => true,
    () => true,
  );
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`);

/** A completed section's own text, or a line saying why the section did not finish and what it had measured. */
export function formatOutcome(outcome: SectionOutcome): string {
  if (outcome.status === 'completed') return outcome.text;
  const lines = [
    `bench/${outcome.name}: ${outcome.status.toUpperCase()} after ${seconds(Math.round(outcome.ms))}: ${outcome.reason}`,
    ...(outcome.figures.length === 0
      ? ['  no figure was measured before it stopped']
      : ['  figures measured before it stopped:', ...outcome.figures.map((line) => `  ${line}`)]),
  ];
  return `${lines.join('\n')}\n`;
}

/** One line per section and the exit code: 0 only if every section completed. */
export function summarize(outcomes: readonly SectionOutcome[]): { text: string; exitCode: number } {
  const unfinished = outcomes.filter((outcome) => outcome.status !== 'completed');
  const line = (outcome: SectionOutcome) =>
    `  ${outcome.name}: ${outcome.status} in ${seconds(Math.round(outcome.ms))}${outcome.status === 'completed' ? '' : `: ${outcome.reason}`}`;
  const head =
    unfinished.length === 0 ? `bench: all ${outcomes.length} sections completed` : `bench: ${unfinished.length} of ${outcomes.length} sections did not finish`;
  return { text: `${[head, ...outcomes.map(line)].join('\n')}\n`, exitCode: unfinished.length === 0 ? 0 : 1 };
}

/** The `--json` document: each section's report, or its status, reason and recorded figures. */
export function outcomesJson(outcomes: readonly SectionOutcome[]): Record<string, unknown> {
  return Object.fromEntries(
    outcomes.map((outcome) => [
      outcome.name,
      outcome.status === 'completed' ? outcome.report : { status: outcome.status, reason: outcome.reason, ms: outcome.ms, figures: outcome.figures },
    ]),
  );
}
