import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { demoShopFiles } from '../shared/demo-shop-files.mjs';

export default defineConfig({
  // Relative URLs, so dist/ works from any folder of a web server.
  base: './',
  plugins: [
    // <mendunia-*> are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mendunia-') } } }),
    demoShopFiles(),
  ],
});
