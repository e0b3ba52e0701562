import type { DeviceKind } from '@hall/shared';
import { existsSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SERVER_DIR } from '../server-files';
import type { ContentEncoding } from './encoding';

// The pages the hall server serves. Each is a React page built by Vite in the package that
// owns it (`npm run build`), into `<package>/build/web/`, with its assets under
// `/ui/<package>/`.

export const webApps = ['kiosk-app', 'hall-server', 'display-app'] as const;
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
  /** The kind of device that shows it: its page needs the device's credential (the banner prints the demo devices' own addresses). */
  device?: DeviceKind;
}

export const pages: readonly Page[] = [
  { route: '/kiosk', app: 'kiosk-app', html: 'kiosk.html', title: '取号机 kiosk', device: 'kiosk' },
  { route: '/pad/:no', app: 'kiosk-app', html: 'pad.html', title: '评价器 evaluation pad', example: '/pad/1', device: 'pad' },
  { route: '/t/:secret', app: 'hall-server', html: 'phone.html', title: '手机查号 phone page', example: '/t/<号票二维码里的访客密钥>' },
  { route: '/window', app: 'hall-server', html: 'console.html', title: '窗口工作台 window console' },
  { route: '/office', app: 'hall-server', html: 'office.html', title: '值班长 office' },
  { route: '/admin', app: 'hall-server', html: 'admin.html', title: '管理后台 admin' },
  { route: '/public/ratings', app: 'hall-server', html: 'ratings.html', title: '好差评公示 public ratings' },
  { route: '/display/hall', app: 'display-app', html: 'hall.html', title: '大厅屏 hall screen', device: 'hall-screen' },
  { route: '/display/window/:no', app: 'display-app', html: 'window.html', title: '窗口屏 window screen', example: '/display/window/1', device: 'window-screen' },
];

export function webAppDir(app: WebApp): string {
  return join(SERVER_DIR, '..', app, 'build', 'web') + sep;
}

/** The page's HTML, or null when its package has not been built. */
export function readPage(page: Page): string | null {
  const file = webAppDir(page.app) + page.html;
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** The page's HTML as the build compressed it (`<page>.br`, `<page>.gz`), where it did. */
export function readCompressedPage(page: Page, encoding: ContentEncoding): Buffer | null {
  const file = `${webAppDir(page.app)}${page.html}.${encoding === 'br' ? 'br' : 'gz'}`;
  return existsSync(file) ? readFileSync(file) : null;
}
