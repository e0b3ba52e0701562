import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite/precompress';

// The pages the hall server owns (phone ticket page, window console, office),
// assets under /ui/hall-server/.
const root = fileURLToPath(new URL('./ui/', import.meta.url));

export default defineConfig({
  root,
  base: '/ui/hall-server/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./build/web/', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: { phone: `${root}phone.html`, console: `${root}console.html`, office: `${root}office.html` } },
  },
});
