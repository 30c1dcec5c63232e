/** `npm run api:generate -w @meetbridge/web`: rewrites src/lib/api/schema.d.ts from the server's OpenAPI document. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { SCHEMA_FILE, schemaSource, serverOpenApiDocument } from './api-schema.js';

await mkdir(dirname(SCHEMA_FILE), { recursive: true });
await writeFile(SCHEMA_FILE, await schemaSource(await serverOpenApiDocument()));
console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
