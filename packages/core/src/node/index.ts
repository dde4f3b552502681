/// <reference types="node" />
/**
 * The Node entry of core (`@mendunia/core/node/index.js`): what only Node can do, for the
 * Storefront API server and the CLI alike. read.ts reads a shop's inputs from files and URLs;
 * check.ts checks its three data files as a whole (`mendunia check`, the server at start).
 * Importing this in a browser bundle fails on node:fs: keep it out of browser code.
 */
export * from './read.js';
export * from './check.js';
