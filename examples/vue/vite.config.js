import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { demoShopFiles } from '../shared/demo-shop-files.mjs';

export default defineConfig({
  // Relative URLs, so dist/ works from any folder of a web server.
  base: './',
  // `PORT=3000 npm start` (like the demo's `npm start`); Vite's own default (5173) otherwise.
  server: { port: Number(process.env.PORT) || undefined },
  preview: { port: Number(process.env.PORT) || undefined },
  plugins: [
    // <mendunia-*> are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mendunia-') } } }),
    demoShopFiles(),
  ],
});
