import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunningHallServer } from './server';
import type { Page } from './web/pages';

// The demo hall's start banner lines for the device pages: the first demo device of each kind
// with its ready-to-open address (the page keeps the credential from the address). Every demo
// device's address goes to a file beside the database, readable by its owner only.

export const DEMO_LINKS_FILE = 'demo-devices.txt';

/** The banner's address for a device page: a demo device's own, or the page's with a word that it pairs first. */
export function devicePageLine(page: Page, server: Pick<RunningHallServer, 'url' | 'demoDevices'>): string[] {
  const demo = server.demoDevices.filter((d) => d.device.kind === page.device);
  if (demo.length === 0) return [`${server.url}${page.example ?? page.route}  （新设备：打开后按屏幕上的配对码在管理后台配对）`];
  // Every kiosk (a hall has one or two); one pad and one window screen, the rest in the file.
  return (page.device === 'kiosk' ? demo : demo.slice(0, 1)).map((d) => d.link);
}

/** Writes every demo device's address beside the database; answers the file's path, or null for a real hall. */
export function writeDemoLinks(dbPath: string, server: Pick<RunningHallServer, 'demoDevices'>): string | null {
  if (server.demoDevices.length === 0) return null;
  const file = join(dirname(dbPath), DEMO_LINKS_FILE);
  const lines = server.demoDevices.map(({ device, link }) => `${device.name.padEnd(12)} ${link}`);
  writeFileSync(file, `# 演示大厅的设备地址（含设备凭证，请勿外传）\n${lines.join('\n')}\n`, { mode: 0o600 });
  return file;
}
