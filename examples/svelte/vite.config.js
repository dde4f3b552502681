import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { demoShopFiles } from '../shared/demo-shop-files.mjs';

export default defineConfig({
  // Relative URLs, so dist/ works from any folder of a web server.
  base: './',
  // `PORT=3000 npm start` (like the demo's `npm start`); Vite's own default (5173) otherwise.
  server: { port: Number(process.env.PORT) || undefined },
  preview: { port: Number(process.env.PORT) || undefined },
  // Svelte needs no setting for custom elements: a tag with a hyphen is one.
  plugins: [svelte(), demoShopFiles()],
});
