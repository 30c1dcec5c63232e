import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:chaos`): real server processes (the CLI under tsx) against
 * PostgreSQL (TEST_DATABASE_URL; a temporary database per run) and PGlite, with faults injected:
 * terminated backends, SIGKILL, a database that goes away, hostile input. Bounded to a few minutes.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'chaos',
    include: ['packages/server/chaos/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
