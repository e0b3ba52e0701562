import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The pages the hall server serves. Each is a React page built by Vite in the package that
// owns it (`npm run build`), into `<package>/build/web/`, with its assets under
// `/ui/<package>/`.

export const webApps = ['kiosk-app', 'hall-server'] as const;
export type WebApp = (typeof webApps)[number];

export interface Page {
  /** fastify route */
  route: string;
  app: WebApp;
  html: string;
  /** Shown in the start-up banner. */
  title: string;
  /** An example address for the banner; defaults to the route. */
  example?: string;
}

export const pages: readonly Page[] = [
  { route: '/kiosk', app: 'kiosk-app', html: 'kiosk.html', title: '取号机 kiosk' },
  { route: '/t/:id', app: 'hall-server', html: 'phone.html', title: '手机查号 phone page', example: '/t/<号票 id>' },
];

export function webAppDir(app: WebApp): string {
  return fileURLToPath(new URL(`../../../${app}/build/web/`, import.meta.url));
}

/** The page's HTML, or null when its package has not been built. */
export function readPage(page: Page): string | null {
  const file = webAppDir(page.app) + page.html;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
