/**
 * Line breaking for text drawn into an image. SVG text does not wrap, so widths are estimated
 * from DejaVu Sans advance widths (measured, in em) and rounded up: a line may end a little early,
 * but never runs past the edge.
 */
const NARROW = new Set("iIjlJ.,;:'!|`");
const SLIM = new Set('frt -()[]{}/\\"');
const WIDE = new Set('mwMW@%&<>');

function charWidth(char: string): number {
  if (NARROW.has(char)) return 0.3;
  if (SLIM.has(char)) return 0.42;
  if (WIDE.has(char)) return 1;
  // CJK, emoji and other full-width scripts start around U+1100.
  if ((char.codePointAt(0) ?? 0) >= 0x1100) return 1;
  if (char >= 'A' && char <= 'Z') return 0.78;
  return 0.64;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * fontSize;
}

/** Breaks text into lines no wider than `maxWidth`: at spaces, inside words only when a word alone is too wide. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const piece of paragraph
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((word) => breakWord(word, maxWidth, fontSize))) {
      const candidate = line === '' ? piece : `${line} ${piece}`;
      if (line !== '' && textWidth(candidate, fontSize) > maxWidth) {
        lines.push(line);
        line = piece;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/** Keeps the first `maxLines` lines, ending the last kept one with an ellipsis when some were dropped. */
export function limitLines(lines: readonly string[], maxLines: number, maxWidth: number, fontSize: number): string[] {
  if (lines.length <= maxLines) return [...lines];
  const kept = lines.slice(0, Math.max(1, maxLines));
  let last = [...(kept.pop() ?? '')];
  while (last.length > 0 && textWidth(`${last.join('')}…`, fontSize) > maxWidth) last = last.slice(0, -1);
  return [...kept, `${last.join('').trimEnd()}…`];
}

function breakWord(word: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(word, fontSize) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && textWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}
