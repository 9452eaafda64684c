// The layering the README states, checked on every `npm test`:
//   engine → model → export, import → connect → store → ui; cli and server beside the store.
// A layer may import only the layers before it. Test support lives in `testing/` folders:
// tests and other test support may import it from anywhere, production code never.
// What a user runs: the app, its workers (started with new Worker(new URL(...))) and the CLI.
const ENTRIES = '^src/(main\\.tsx|cli/main\\.ts|.*\\.worker\\.ts)$';
const TEST = '(\\.test\\.tsx?$|/testing/)';

// What each layer may import besides itself (and, for tests, any testing/ folder).
const allowed = {
  engine: [],
  model: ['engine'],
  export: ['engine', 'model'],
  import: ['engine', 'model'],
  connect: ['engine', 'model', 'export', 'import'],
  store: ['engine', 'model', 'export', 'import', 'connect'],
  ui: ['model', 'export', 'import', 'connect', 'store'],
  cli: ['engine', 'model', 'export', 'import', 'connect', 'server'],
  server: ['engine', 'model', 'export', 'import', 'connect', 'cli'],
};
const layers = Object.keys(allowed);

// The UI may name the engine's value types (an Item in the preview), never call into it.
const typesOnly = { ui: ['engine'] };
// Import tests prove round trips: they write a file with the matching export and read it back.
const roundTrips = { import: ['export'] };

const forbiddenLayers = (layer, extra = []) =>
  layers.filter((other) => other !== layer && !allowed[layer].includes(other) && !extra.includes(other));

const layerRules = layers.flatMap((layer) => [
  {
    name: `layer-${layer}`,
    comment: `src/${layer} may import only ${allowed[layer].join(', ') || 'itself'} (README: Architecture).`,
    severity: 'error',
    from: { path: `^src/${layer}/`, pathNot: TEST },
    to: { path: `^src/(${forbiddenLayers(layer, typesOnly[layer]).join('|')})/`, pathNot: TEST },
  },
  {
    name: `layer-${layer}-tests`,
    comment: `Tests of src/${layer} follow the same direction; they may also use any testing/ folder.`,
    severity: 'error',
    from: { path: `^src/${layer}/.*\\.test\\.tsx?$` },
    to: { path: `^src/(${forbiddenLayers(layer, [...(typesOnly[layer] ?? []), ...(roundTrips[layer] ?? [])]).join('|')})/`, pathNot: TEST },
  },
  ...(typesOnly[layer] ?? []).map((other) => ({
    name: `layer-${layer}-${other}-types-only`,
    comment: `src/${layer} may name ${other}'s types but never call into it.`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: `^src/${other}/`, dependencyTypesNot: ['type-only'] },
  })),
]);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-test-support-in-production',
      comment: 'Production code never imports tests or test support (testing/ folders).',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: TEST },
    },
    {
      name: 'no-circular',
      comment: 'Modules form no import cycles.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'reachable-from-an-entry',
      comment: 'Production code the app, its workers or the CLI never reach is dead code (for example an unused barrel).',
      severity: 'error',
      from: { path: ENTRIES },
      // LocalDifferences is the engine's record of where it follows AWS; the differential
      // suite and the README read it.
      to: { path: '^src/', pathNot: [TEST, '\\.d\\.ts$', ENTRIES, '^src/engine/LocalDifferences\\.ts$'], reachable: false },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.tmp)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
