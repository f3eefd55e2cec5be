import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/skill/index.js';

/** A markdown file of the skill, by its path relative to the package root. */
export interface SkillDoc {
  path: string;
  text: string;
}

/** SKILL.md and every reference: the markdown a model reads. */
export async function skillDocs(): Promise<SkillDoc[]> {
  const references = (await readdir(join(PACKAGE_ROOT, 'skill', 'references'))).filter((file) => file.endsWith('.md')).sort();
  const paths = ['SKILL.md', ...references.map((file) => `skill/references/${file}`)];
  return Promise.all(paths.map(async (path) => ({ path, text: await readFile(join(PACKAGE_ROOT, path), 'utf8') })));
}

/**
 * The YAML frontmatter of SKILL.md, read with just the YAML it uses: `key: value` lines, a
 * double-quoted value, and one nested map of such lines (`metadata`). Anything else is an error,
 * so a construct this reader does not understand cannot slip through the rules unchecked.
 */
export function frontmatter(text: string): { fields: Record<string, string | Record<string, string>>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('SKILL.md does not start with a --- frontmatter block');
  const fields: Record<string, string | Record<string, string>> = {};
  let nested: Record<string, string> | undefined;
  for (const line of match[1]!.split('\n')) {
    const entry = /^( {2})?([A-Za-z0-9_-]+):(?: (.*))?$/.exec(line);
    if (!entry) throw new Error(`Unsupported frontmatter line: ${line}`);
    const [, indent, key, raw] = entry as unknown as [string, string | undefined, string, string | undefined];
    if (indent !== undefined) {
      if (!nested || raw === undefined) throw new Error(`Unexpected nested line: ${line}`);
      nested[key] = scalar(raw);
    } else if (raw === undefined) {
      nested = {};
      fields[key] = nested;
    } else {
      nested = undefined;
      fields[key] = scalar(raw);
    }
  }
  return { fields, body: match[2]! };
}

function scalar(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  if (/^[>|&*!%@`'[{]/.test(raw) || raw.includes(': ') || raw.includes(' #')) throw new Error(`Unsupported YAML scalar: ${raw}`);
  return raw;
}

/** Markdown links `[text](target)` outside code blocks, with the line they are on. */
export function links(text: string): Array<{ target: string; line: number }> {
  const found: Array<{ target: string; line: number }> = [];
  let inCode = false;
  text.split('\n').forEach((line, index) => {
    if (line.trimStart().startsWith('```')) inCode = !inCode;
    if (inCode) return;
    for (const match of line.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) found.push({ target: match[1]!, line: index + 1 });
  });
  return found;
}

/** GitHub's anchor for each heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchors(text: string): Set<string> {
  const headings = text
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));
  return new Set(
    headings.map((heading) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    ),
  );
}

/** Fenced ```json blocks. */
export function jsonBlocks(text: string): string[] {
  return [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => match[1]!);
}

/**
 * The body rows of every table whose header row starts with these cells, each row as its cells
 * (trimmed, code spans kept). Tables of a document are told apart by their headers.
 */
export function tableRows(text: string, header: readonly string[]): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false;
      continue;
    }
    const cells = line
      .slice(1, line.endsWith('|') ? -1 : undefined)
      .split('|')
      .map((cell) => cell.trim());
    if (!inTable) inTable = header.every((name, i) => cells[i] === name);
    else if (!/^-+$/.test(cells[0] ?? '')) rows.push(cells);
  }
  return rows;
}

/** The code spans of a piece of markdown: `a`, `b` → ['a', 'b']. */
export function codeSpansOf(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}
