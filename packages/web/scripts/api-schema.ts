/**
 * The web app's API types come from the server's OpenAPI document: the server's CLI writes it without
 * listening (`meetbridge openapi FILE`), and openapi-typescript turns it into `src/lib/api/schema.d.ts`.
 * `npm run api:generate -w @meetbridge/web` rewrites the file; `test/api-schema.test.ts` fails when the
 * committed file differs from what the server describes now.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';

const WEB = resolve(import.meta.dirname, '..');
const REPO = resolve(WEB, '../..');
/** tsx's ESM loader, for `node --import` from any working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Where the generated types live (committed). */
export const SCHEMA_FILE = join(WEB, 'src/lib/api/schema.d.ts');

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api:generate -w @meetbridge/web\`; do not edit.
 * test/api-schema.test.ts fails when this file no longer matches the server.
 */

`;

/** The server's OpenAPI document, written by its CLI from source (no build, no listening, no database). */
export async function serverOpenApiDocument(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    // A bare environment and a scratch working directory: a developer's .env must not change the contract.
    await promisify(execFile)(
      process.execPath,
      ['--import', TSX_LOADER, '--conditions=source', join(REPO, 'packages/server/src/cli.ts'), 'openapi', file],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', NODE_OPTIONS: '' }, timeout: 120_000 },
    );
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The TypeScript declarations of `document` as the committed file holds them. */
export async function schemaSource(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as never, { alphabetize: true });
  return HEADER + astToString(ast);
}
