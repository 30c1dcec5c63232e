import js from '@eslint/js';
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
  webhooks: ['meetings'],
  'webhook-health': [],
  'mock-provider': [],
  web: [],
};

/** Workspace packages and the workspace packages their source may import. */
export const PACKAGES = {
  platforms: [],
  fakes: [],
  server: ['platforms'],
  web: [],
};

const WIRING = ['**/container.js', '**/jobs/registry.js', '**/app.js', '**/main.js', '**/cli.js'];
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
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'data/**', 'packages/server/drizzle/**', '**/*.fixture.ts'] },
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
  { files: ['bench/**', 'scripts/**', '**/cli.ts', '**/*.mjs'], rules: { 'no-console': 'off' } },
  // Dependency rules: packages, then server modules (the later, more specific block wins for a file).
  ...Object.keys(PACKAGES).map((name) => ({
    files: [`packages/${name}/src/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: restrict(packageRules(name)),
  })),
  {
    files: ['packages/server/src/{jobs,db,lib,plugins,events,config}/**/*.ts'],
    ignores: ['packages/server/src/jobs/registry.ts'],
    rules: restrict([
      ...packageRules('server'),
      {
        group: ['**/modules/**', ...WIRING],
        message: 'Infrastructure (jobs, db, lib, plugins, events, config) does not import modules or the wiring.',
      },
    ]),
  },
  ...Object.keys(SERVER_MODULES).map((name) => ({
    files: [`packages/server/src/modules/${name}/**/*.ts`],
    rules: restrict(moduleRules(name)),
  })),
);
