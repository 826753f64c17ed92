import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The libs are consumed as TypeScript source (no build step for the web app), the same way
// tsconfig.json's `paths` and the jest moduleNameMapper see them.
const lib = (name: string): string =>
  fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

// `npm run dev -w apps/web` serves the app on :5173 and hands API and collaboration traffic to the
// server. The server's Origin allow-list must contain http://localhost:5173 for state changes.
const backend = 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@kapitel/domain': lib('domain'),
      '@kapitel/editor': lib('editor'),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/collab': { target: backend, ws: true, changeOrigin: false },
    },
  },
});
