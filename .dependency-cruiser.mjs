// The layer rules of src/ (docs/architecture.md), checked by `npm run lint` and proved against
// deliberate violations by test/architecture/layers.test.ts. Paths are relative to the cruise's
// base directory, so the same rules apply to the test's fixture trees.

/** Top to bottom. A layer imports only the tiers below its own; layers of one tier never import each other. */
const TIERS = [
  ['cli'],
  ['mcp', 'api'],
  // The remote Backend is built on the REST client.
  ['backend'],
  ['client'],
  ['service'],
  ['engine'],
  ['nodes'],
  ['providers'],
  ['store'],
  ['graph'],
];
/** Pure helpers at the bottom: anyone may import them; they import only each other (sse: nothing at all, see below). */
const HELPERS = ['net', 'errors', 'artifacts', 'sse'];
/** The faces translate requests into service or Backend calls; they never reach these. */
const CORE = ['engine', 'store', 'providers'];
const FACES = ['api', 'mcp', 'cli'];
/** skill (the Claude Skill's generators) is used by the CLI only and uses what a face may. */
const SKILL = { layer: 'skill', usedBy: 'cli', importsLike: 'api' };

const below = (layer) => TIERS.slice(TIERS.findIndex((tier) => tier.includes(layer)) + 1).flat();

function mayImport(layer) {
  if (HELPERS.includes(layer)) return HELPERS.filter((helper) => helper !== layer);
  if (layer === SKILL.layer) return mayImport(SKILL.importsLike).filter((other) => other !== SKILL.layer);
  const allowed = [...below(layer), ...HELPERS];
  return layer === SKILL.usedBy ? [...allowed, SKILL.layer] : allowed;
}

const ALL = [...TIERS.flat(), SKILL.layer, ...HELPERS];
const any = (layers) => `^src/(${layers.join('|')})/`;

const layerOrder = ALL.flatMap((layer) => {
  const allowed = mayImport(layer);
  const forbidden = ALL.filter((other) => other !== layer && !allowed.includes(other));
  if (forbidden.length === 0) return [];
  return {
    name: `${layer}-imports-downwards`,
    comment: `src/${layer} may import only ${allowed.join(', ') || 'nothing else in src'} (layers import downwards only)`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: any(forbidden) },
  };
});

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...layerOrder,
    {
      name: 'faces-skip-core',
      comment: `a face (${FACES.join(', ')}) calls the service or the Backend, never ${CORE.join(', ')}`,
      severity: 'error',
      from: { path: any(FACES) },
      to: { path: any(CORE) },
    },
    {
      name: 'sse-imports-nothing',
      comment: 'src/sse is bundled into the run viewer too (web/viewer): it imports nothing, not even a Node built-in or a package',
      severity: 'error',
      from: { path: '^src/sse/' },
      to: { pathNot: '^src/sse/' },
    },
    {
      name: 'through-index',
      comment: 'another layer is entered only through its index.ts; imports within one layer are free',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'entry-through-index',
      comment: 'the package entry (src/index.ts) takes each layer from its index.ts',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/[^/]+/', pathNot: '^src/[^/]+/index\\.ts$' },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript compiler API, so sources are parsed with swc.
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
