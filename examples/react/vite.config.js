import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { demoShopFiles } from '../shared/demo-shop-files.mjs';

export default defineConfig({
  // Relative URLs, so dist/ works from any folder of a web server.
  base: './',
  plugins: [react(), demoShopFiles()],
});
