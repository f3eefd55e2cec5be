import type { SkillDoc } from './skill-docs.js';

/** One inline code span of a skill document, outside fenced blocks. */
export interface Span {
  path: string;
  line: number;
  text: string;
}

/** Every inline code span of the documents, with where it is; fenced blocks are left out. */
export function inlineSpans(docs: readonly SkillDoc[]): Span[] {
  return docs.flatMap(({ path, text }) => {
    const spans: Span[] = [];
    let inCode = false;
    text.split('\n').forEach((line, index) => {
      if (line.trimStart().startsWith('```')) inCode = !inCode;
      if (inCode) return;
      for (const match of line.matchAll(/`([^`]+)`/g)) spans.push({ path, line: index + 1, text: match[1]!.trim() });
    });
    return spans;
  });
}

/**
 * The forms the skill writes facts in, each checked against the code:
 * - `tool → a.b[].c`: a field of the tool's result (its output schema);
 * - `tool { key: value }`: a call with these arguments (its input schema);
 * - `family:name → family:name`: an old node type name and the type it now runs;
 * - `family:name { key: value } in-port`: a node with these settings, and one of its ports.
 * Arguments and settings are JSON whose keys may go unquoted; `…` stands for any value.
 */
const RESULT = /^([a-z]+_[a-z_]+) → ([A-Za-z][\w.[\]]*)$/;
const FAMILY = '(?:input|generate|llm|utility|logic|output)';
const ALIAS = new RegExp(`^(${FAMILY}:[\\w./-]+) → (${FAMILY}:[\\w.-]+)$`);
const CALL = /^([a-z]+_[a-z_]+) (\{.*\})$/;
const NODE = new RegExp(`^(${FAMILY}:[a-z0-9_.-]+)(?: (\\{.*\\}))?(?: ((?:in|out)-[\\w-]+))?$`);

export type SpanForm =
  | { form: 'result'; tool: string; path: string }
  | { form: 'alias'; from: string; to: string }
  | { form: 'call'; tool: string; args: Record<string, unknown> }
  | { form: 'node'; nodeType: string; config?: Record<string, unknown>; handle?: string };

/** The span's form when it is one of the fact forms above, else undefined. Throws when its JSON does not parse. */
export function spanForm(text: string): SpanForm | undefined {
  let match = RESULT.exec(text);
  if (match) return { form: 'result', tool: match[1]!, path: match[2]! };
  if ((match = ALIAS.exec(text))) return { form: 'alias', from: match[1]!, to: match[2]! };
  if ((match = CALL.exec(text))) return { form: 'call', tool: match[1]!, args: looseJson(match[2]!) };
  if ((match = NODE.exec(text))) {
    return {
      form: 'node',
      nodeType: match[1]!,
      ...(match[2] !== undefined && { config: looseJson(match[2]) }),
      ...(match[3] !== undefined && { handle: match[3] }),
    };
  }
  return undefined;
}

/** `{ key: "…", list: […], nested: {…} }` as JSON: keys quoted, `…` placeholders as empty values. */
function looseJson(text: string): Record<string, unknown> {
  const json = text
    .replace(/\[…\]/g, '[]')
    .replace(/\{…\}/g, '{}')
    .replace(/([{,]\s*)([A-Za-z_]\w*)\s*:/g, '$1"$2":');
  try {
    return JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new Error(`Not JSON with bare keys: ${text}`);
  }
}
