// Placeholder build until the web app issue: copies public/ to dist/, which the server serves at /.
import { cpSync, mkdirSync } from 'node:fs';
mkdirSync(new URL('./dist', import.meta.url), { recursive: true });
cpSync(new URL('./public', import.meta.url), new URL('./dist', import.meta.url), { recursive: true });
