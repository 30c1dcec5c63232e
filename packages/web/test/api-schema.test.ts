import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaSource, serverOpenApiDocument } from '../scripts/api-schema.js';

describe('the generated API types', () => {
  it('match what the server describes now (run `npm run api:generate -w @meetbridge/web` after changing a route)', async () => {
    const expected = await schemaSource(await serverOpenApiDocument());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === expected, 'packages/web/src/lib/api/schema.d.ts is stale: run npm run api:generate -w @meetbridge/web').toBe(true);
  }, 120_000);
});
