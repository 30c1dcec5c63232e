import path from 'node:path';
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Server modules and the modules each one may import. Imports run one way (see ARCHITECTURE.md);
 * anything not listed is refused by lint. A module never imports another module's repo.ts (it calls
 * that module's service), nor the wiring (container, job registry, app, main).
 */
export const SERVER_MODULES = {
  rooms: [],
  participants: [],
  meetings: ['rooms', 'participants'],
  webhooks: ['meetings', 'recordings'],
  'webhook-health': [],
  recordings: ['meetings', 'rooms', 'participants'],
  pipeline: ['recordings', 'meetings', 'rooms', 'participants'],
  'mock-provider': [],
  web: [],
};

/** Workspace packages and the workspace packages their source may import. */
export const PACKAGES = {
  platforms: [],
  pipeline: [],
  fakes: [],
  server: ['platforms', 'pipeline'],
  web: [],
};

/**
 * Web app layers (bulletproof-react, house style 7) and the layers each may import: imports run
 * app/ → features/ → platforms/ → shared (components, lib, config, …), never back up. One feature
 * never imports another, nor one platform's room another's (only platforms/registry.ts names them).
 */
export const WEB_LAYERS = {
  app: ['features', 'platforms', 'shared'],
  features: ['platforms', 'shared'],
  platforms: ['shared'],
  shared: ['shared'],
};
const WEB_SRC = path.join(import.meta.dirname, 'packages/web/src');

/** The layer of a file under packages/web/src, and its feature or platform (null for the layer's own root files). */
function webLayerOf(file) {
  const rel = path.relative(WEB_SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length === 1 || parts[0] === 'app') return { layer: 'app', unit: null };
  // A layer's own __tests__ belong to the layer as a whole (the registry's tests load every platform).
  if (parts[0] === 'features' || parts[0] === 'platforms') {
    return { layer: parts[0], unit: parts.length > 2 && parts[1] !== '__tests__' ? parts[1] : null };
  }
  return { layer: 'shared', unit: null };
}

/** `meetbridge/web-layers`: resolves relative and `@/` imports and enforces `WEB_LAYERS`. */
const webLayersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'One-way imports between the web app layers; no cross-feature imports.' } },
  create(context) {
    const from = webLayerOf(context.filename);
    if (!from) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let target;
      if (source.startsWith('@/')) target = path.join(WEB_SRC, source.slice(2));
      else if (source.startsWith('.')) target = path.resolve(path.dirname(context.filename), source);
      else return;
      const to = webLayerOf(target);
      if (!to) return context.report({ node, message: `packages/web/src may not import from outside src (${source}).` });
      if (to.layer !== from.layer && !WEB_LAYERS[from.layer].includes(to.layer)) {
        return context.report({
          node,
          message: `src/${from.layer} may import only ${WEB_LAYERS[from.layer].join(', ')} (app → features → platforms → shared), not ${to.layer} (${source}).`,
        });
      }
      if (to.layer === from.layer && from.unit && to.unit && from.unit !== to.unit) {
        context.report({
          node,
          message: `${from.layer}/${from.unit} may not import ${from.layer}/${to.unit} (${source}): no cross-${from.layer === 'features' ? 'feature' : 'platform'} imports.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const WIRING = ['**/container.js', '**/jobs/registry.js', '**/app.js', '**/main.js', '**/runtime.js', '**/worker-process.js', '**/cli.js'];
const ALL_WORKSPACES = Object.keys(PACKAGES).map((p) => `@meetbridge/${p}`);

function restrict(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

function packageRules(name) {
  const banned = ALL_WORKSPACES.filter((w) => w !== `@meetbridge/${name}` && !PACKAGES[name].includes(w.slice('@meetbridge/'.length)));
  return banned.length
    ? [{ group: banned, message: `packages/${name} may import only: ${PACKAGES[name].join(', ') || 'nothing of ours'}.` }]
    : [];
}

function moduleRules(name) {
  const others = Object.keys(SERVER_MODULES).filter((m) => m !== name && !SERVER_MODULES[name].includes(m));
  return [
    ...packageRules('server'),
    ...(others.length
      ? [
          {
            group: others.flatMap((m) => [`../${m}/*`, `**/modules/${m}/*`]),
            message: `modules/${name} may import only: ${SERVER_MODULES[name].join(', ') || 'no other module'} (ARCHITECTURE.md).`,
          },
        ]
      : []),
    { group: ['../*/repo.js', '**/modules/*/repo.js'], message: "Call the owning module's service, never its repo." },
    { group: WIRING, message: 'Modules do not import the wiring (container, job registry, app, process).' },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'data/**',
      'packages/server/drizzle/**',
      '**/*.fixture.ts',
      'packages/web/src/lib/api/schema.d.ts',
      'packages/web/test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      'no-console': 'error',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/test/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['bench/**', 'scripts/**', 'packages/web/scripts/**', '**/cli.ts', '**/*.mjs'], rules: { 'no-console': 'off' } },
  // The web app: browser globals, React hooks rules, accessibility rules, and its layers.
  {
    ...jsxA11y.flatConfigs.recommended,
    files: ['packages/web/src/**/*.{ts,tsx}'],
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, meetbridge: { rules: { 'web-layers': webLayersRule } } },
    rules: { ...reactHooks.configs.flat['recommended-latest'].rules, 'meetbridge/web-layers': 'error' },
  },
  // Dependency rules: packages, then server modules (the later, more specific block wins for a file).
  ...Object.keys(PACKAGES).map((name) => ({
    files: [`packages/${name}/src/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts'],
    rules: restrict(packageRules(name)),
  })),
  {
    files: ['packages/server/src/{jobs,db,lib,plugins,events,config,storage}/**/*.ts'],
    ignores: ['packages/server/src/jobs/registry.ts'],
    rules: restrict([
      ...packageRules('server'),
      {
        group: ['**/modules/**', ...WIRING],
        message: 'Infrastructure (jobs, db, lib, plugins, events, config, storage) does not import modules or the wiring.',
      },
    ]),
  },
  ...Object.keys(SERVER_MODULES).map((name) => ({
    files: [`packages/server/src/modules/${name}/**/*.ts`],
    rules: restrict(moduleRules(name)),
  })),
);
