import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite/precompress.ts';

// The pages the hall server owns (window console, office, admin, the public ratings), assets under /ui/hall-server/.
// The phone page has a build of its own (vite.phone.config.ts), run after this one.
const root = fileURLToPath(new URL('./ui/', import.meta.url));

export default defineConfig({
  root,
  base: '/ui/hall-server/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./build/web/', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: { console: `${root}console.html`, office: `${root}office.html`, admin: `${root}admin.html`, ratings: `${root}ratings.html` } },
  },
});
