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
    // The live editor (Tiptap, ProseMirror, Yjs, y-websocket) is one lazy chunk of about
    // 590 kB (185 kB gzip), loaded only on the section page; the entry chunk stays near
    // 350 kB (110 kB gzip). Splitting the editor further would only add requests.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/collab': { target: backend, ws: true, changeOrigin: false },
    },
  },
});
