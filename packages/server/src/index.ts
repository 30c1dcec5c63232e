/** @meetbridge/server: the API app and its process entry points, for tests and embedding. */
export { buildApp } from './app.js';
export { createContainer, type Container } from './container.js';
export { createServer, type Server, type StartOptions } from './main.js';
export { buildConfig, type AppConfig } from './config/index.js';
export { openDatabase, type Database } from './db/client.js';
