import { MODEL_CATALOG } from './catalog/index.js';
import type { ModelEntry } from './catalog/entry.js';

const KIND_TITLES: Record<ModelEntry['kind'], string> = {
  'text-to-image': 'Text to image',
  'image-edit': 'Image editing',
  upscale: 'Upscaling',
  'background-removal': 'Background removal',
  video: 'Video',
  'lip-sync': 'Lip sync',
  audio: 'Audio (speech, sound effects, music)',
  'speech-to-text': 'Speech to text',
  llm: 'Text (LLM)',
};

/**
 * The catalog part of docs/models.md, generated from the catalog itself so the page cannot drift:
 * `npx tsx src/nodes/model/catalog-doc.ts` prints it, and a test fails when the page differs.
 */
export function catalogMarkdown(catalog: readonly ModelEntry[] = MODEL_CATALOG): string {
  const sections = Object.entries(KIND_TITLES).map(([kind, title]) => {
    const rows = catalog.filter((entry) => entry.kind === kind).map(row);
    const table = [
      '| node type | provider · endpoint | ports | default cost | price (read on) | aliases | confirmed |',
      '|---|---|---|---|---|---|---|',
      ...rows,
    ];
    return `### ${title}\n\n${table.join('\n')}`;
  });
  const unconfirmed = catalog
    .filter((entry) => !entry.documented)
    .map((entry) => `- \`${entry.nodeType}\` → \`${entry.endpoint}\` (schema: ${entry.source}; price: ${priceLink(entry)})`);
  return [...sections, `### Entries not confirmed from documentation\n\n${unconfirmed.join('\n')}`].join('\n\n');
}

function row(entry: ModelEntry): string {
  const ports = (list: ModelEntry['inputs']) => list.map((port) => `${port.name}:${port.type}${port.required ? '*' : ''}`).join(' ');
  const cost = entry.cost(entry.params.parse({}) as Record<string, unknown>);
  const aliases = (entry.aliases ?? []).map((alias) => `\`${alias}\``).join(', ') || '—';
  return `| \`${entry.nodeType}\` ${entry.label} | ${entry.provider} · [\`${entry.endpoint}\`](${entry.source}) | ${ports(entry.inputs)} → ${ports(entry.outputs)} | ${cost} | ${priceLink(entry)} | ${aliases} | ${entry.documented ? 'yes' : 'no'} |`;
}

/** The page the price was read on, named by its site, with the day it was read. */
function priceLink(entry: ModelEntry): string {
  if (entry.price === 'per-model') return "per model (the operator's server)";
  const site = new URL(entry.price.source).hostname.replace(/^www\./, '');
  return `[${site} · ${entry.price.checked}](${entry.price.source})`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(`${catalogMarkdown()}\n`);
