import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../shared/vite/precompress.ts';

// The hall screen and the window screens, served by the hall server at /display/hall and
// /display/window/<no> (assets under /ui/display-app/).
const root = fileURLToPath(new URL('./src/renderer/', import.meta.url));

export default defineConfig({
  root,
  base: '/ui/display-app/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./build/web/', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: { hall: `${root}hall.html`, window: `${root}window.html` } },
  },
});
