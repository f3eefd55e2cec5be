import { distance } from 'fastest-levenshtein';

const MIN_ABBREVIATION = 3;

/**
 * The candidate closest to `input` by edit distance when it is close enough to be a typo
 * (distance ≤ max(2, length/3)) rather than a different word; else the one candidate `input`
 * abbreviates; else undefined. Case is ignored, and a `<family>:<name>` candidate also matches on
 * its name alone, so `flux_2` finds `generate:flux_2`. Ties go to the smaller candidate, so the
 * suggestion does not depend on catalog order.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distanceTo(needle, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const close = bestDistance <= Math.max(2, Math.floor(needle.length / 3));
  // A distance as long as both words is a replacement, not a typo ("x" → "ab").
  const notReplacement = bestDistance < Math.max(needle.length, best.length);
  return close && notReplacement ? best : abbreviated(needle, candidates);
}

/** A shortened name is not a typo but is still a clear intent: `aspect` for `aspect_ratio`. */
function abbreviated(needle: string, candidates: readonly string[]): string | undefined {
  if (needle.length < MIN_ABBREVIATION) return undefined;
  const matches = candidates.filter((c) => c.toLowerCase().startsWith(needle));
  return matches.length === 1 ? matches[0] : undefined;
}

function distanceTo(needle: string, candidate: string): number {
  const whole = distance(needle, candidate);
  const colon = candidate.indexOf(':');
  if (needle.includes(':') || colon < 0) return whole;
  return Math.min(whole, distance(needle, candidate.slice(colon + 1)));
}

/** The wording every did-you-mean fix shares. */
export function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion === undefined ? undefined : `did you mean \`${suggestion}\`?`;
}
