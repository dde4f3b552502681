// Public API of @mendunia/server, for embedding the Storefront API in another Node program or
// testing against it. The `mendunia-server` command is bin/mendunia-server.js (src/bin.ts).
export { buildApp } from './app.js';
export { startServer } from './server.js';
export { readSettings, parseFlags } from './settings.js';
export { createRepository, ReferenceTakenError } from './db/index.js';
export { MIGRATIONS } from './db/migrations.js';
export { createManualAdapter, createMidtransAdapter, midtransSignature } from './payments/index.js';
export { signWebhook, verifyWebhookSignature } from './webhooks.js';
export { openApiDocument } from './openapi.js';
export { canonicalJson } from './canonical.js';
