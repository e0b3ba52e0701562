import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite/precompress.ts';

// The kiosk's and the evaluation pad's pages, served by the hall server at /kiosk and /pad/<no>
// (assets under /ui/kiosk-app/).
const root = fileURLToPath(new URL('./src/renderer/', import.meta.url));

export default defineConfig({
  root,
  base: '/ui/kiosk-app/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./build/web/', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: { kiosk: `${root}kiosk.html`, pad: `${root}pad.html` } },
  },
});
