import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from '../shared/vite/precompress.ts';

// The phone page (手机查号), opened from a ticket's QR code on visitors' mobile data: it must
// come in under 60 KB (`npm run bench -- page-weight`). React's DOM renderer alone is about
// 55 KB compressed, so this page alone is built with Preact behind the React API
// (`preact/compat`, about 5 KB): the page and the shared hooks it uses are written against
// React as every other page is. A build of its own, so it shares no chunk with the staff
// pages. Runs after vite.config.ts, into the same folder. The English texts come only to
// phones that ask for English (ui/phone/english-on-demand.ts).
const root = fileURLToPath(new URL('./ui/', import.meta.url));
const englishOnDemand = fileURLToPath(new URL('./ui/phone/english-on-demand.ts', import.meta.url));

const zodMessagesNone = fileURLToPath(new URL('./ui/phone/zod-messages-none.js', import.meta.url));
const i18nTables = /\/shared\/src\/i18n\/(zh-CN|en)\.ts$/;
/**
 * The texts the phone page and the shared pieces it uses look up (its own, the page gate's, a
 * failed request's, ratings', ticket states', device faults' and the server's refusals); the
 * kiosk's, console's, office's, pad's and screens' texts stay out of its script.
 */
const phoneTexts = /^(phone|boot|client|evaluation|ticket|priority|error|window|device)\./;

const importedBy = (importer: string | undefined, path: string) => importer?.replaceAll('\\', '/').endsWith(path) ?? false;

/**
 * The shared i18n table's English half, swapped for the phone page's table filled on demand;
 * zod's English error messages, which the page never shows, left out.
 */
const phoneWeight: Plugin = {
  name: 'phone-weight',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './en' && importedBy(importer, '/shared/src/i18n/index.ts')) return englishOnDemand;
    if (source === '../locales/en.js' && importedBy(importer, '/zod/v4/classic/schemas.js')) return zodMessagesNone;
    return null;
  },
  async transform(code, id) {
    const table = i18nTables.exec(id.replaceAll('\\', '/'))?.[1];
    if (table === undefined) return null;
    const texts: Record<string, string> = table === 'en' ? (await import('../shared/src/i18n/en.ts')).en : (await import('../shared/src/i18n/zh-CN.ts')).zhCN;
    const kept = Object.fromEntries(Object.entries(texts).filter(([key]) => phoneTexts.test(key)));
    return { code: `export const ${table === 'en' ? 'en' : 'zhCN'} = ${JSON.stringify(kept)};`, map: null };
  },
};

export default defineConfig({
  root,
  base: '/ui/hall-server/',
  plugins: [phoneWeight, react(), precompress()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: fileURLToPath(new URL('./ui/phone/react-on-preact.js', import.meta.url)) },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('./build/web/', import.meta.url)),
    emptyOutDir: false,
    // The page preloads nothing (one script, one on-demand table): no polyfill for it.
    modulePreload: { polyfill: false },
    rollupOptions: { input: { phone: `${root}phone.html` } },
  },
});
