import { createRequire } from 'node:module';
import type RE2Constructor from 're2';

type RE2 = InstanceType<typeof RE2Constructor>;

/**
 * A workflow may come from anyone, and a JavaScript regex can backtrack for minutes on a pattern
 * such as `(a+)+$` without any way to interrupt it. User patterns run on RE2 instead, whose
 * matching time is linear in the input, at the price of the constructs it cannot express.
 */
const UNSUPPORTED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\\[1-9]/, 'backreferences such as \\1'],
  [/^\\k</, 'named backreferences such as \\k<name>'],
  [/^\(\?<=/, 'lookbehind (?<=…)'],
  [/^\(\?<!/, 'negative lookbehind (?<!…)'],
  [/^\(\?=/, 'lookahead (?=…)'],
  [/^\(\?!/, 'negative lookahead (?!…)'],
];

/** Compiled patterns by source: a node's pattern is compiled once, not on every run. */
const MAX_COMPILED = 256;
const compiled = new Map<string, RE2>();

let engine: typeof RE2Constructor | undefined;

function re2(): typeof RE2Constructor {
  engine ??= createRequire(import.meta.url)('re2') as typeof RE2Constructor;
  return engine;
}

/** Why `pattern` cannot be used, in words a workflow author can act on; undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  const construct = unsupportedConstruct(pattern);
  if (construct !== undefined) return `compareTo uses ${construct}, which patterns cannot hold here (they run on RE2, in linear time); rewrite it without`;
  try {
    compile(pattern);
    return undefined;
  } catch (error) {
    return `compareTo is not a valid regular expression: ${(error as Error).message}`;
  }
}

/** Whether `text` matches `pattern`, which `patternProblem` has passed. */
export function matchesPattern(pattern: string, text: string): boolean {
  return compile(pattern).test(text);
}

function compile(pattern: string): RE2 {
  const hit = compiled.get(pattern);
  if (hit !== undefined) {
    // Most recently used last, so the first key is the one to drop.
    compiled.delete(pattern);
    compiled.set(pattern, hit);
    return hit;
  }
  const regex = new (re2())(pattern);
  compiled.set(pattern, regex);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  return regex;
}

/** The first construct RE2 lacks, outside character classes and escapes; RE2's own message would only say "invalid escape". */
function unsupportedConstruct(pattern: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const rest = pattern.slice(i, i + 4);
    if (!inClass) {
      const found = UNSUPPORTED.find(([shape]) => shape.test(rest));
      if (found !== undefined) return found[1];
    }
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') inClass = true;
    else if (pattern[i] === ']') inClass = false;
  }
  return undefined;
}
