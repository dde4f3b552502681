// Public API of @mendunia/server, for embedding the Storefront API in another Node program or
// testing against it. The `mendunia-server` command is bin/mendunia-server.mjs.
export { buildApp } from './app.mjs';
export { startServer } from './server.mjs';
export { readSettings, parseFlags } from './settings.mjs';
export { createRepository, ReferenceTakenError } from './db/index.mjs';
export { MIGRATIONS } from './db/migrations.mjs';
export { createManualAdapter, createMidtransAdapter, midtransSignature } from './payments/index.mjs';
export { signWebhook, verifyWebhookSignature } from './webhooks.mjs';
export { openApiDocument } from './openapi.mjs';
export { canonicalJson } from './canonical.mjs';
