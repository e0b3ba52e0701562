import { loadServerEnv } from './config';
import { startHallServer } from './server';
import { StartRefused } from './operations/start-check';
import { devicePageLine, writeDemoLinks } from './demo-links';
import { pages, readPage } from './web/pages';
import { DOCS_PAGE, OPENAPI_ROUTE } from './http/route-docs';

// Starts the hall server from the environment and prints where everything is.

const env = loadServerEnv();
const server = await startHallServer(env).catch((error: unknown) => {
  // A start a person must fix first (a damaged or unwritable database): said plainly, and not restarted by the service.
  if (!(error instanceof StartRefused)) throw error;
  process.stderr.write(`\n${error.message}\n\n`);
  process.exit(error.exitCode);
});
const { url } = server;

const pageLines = pages.flatMap((page) => {
  const built = readPage(page) === null ? '  （尚未构建：npm run build）' : '';
  const addresses = page.device === undefined ? [`${url}${page.example ?? page.route}`] : devicePageLine(page, server);
  return addresses.map((address, i) => `  ${(i === 0 ? page.title : '').padEnd(22)} ${address}${built}`);
});
const demoFile = writeDemoLinks(env.HALL_DB, server);
process.stdout.write(
  [
    '',
    `  ${server.hall.hallName()} · 排队叫号系统已启动`,
    '',
    ...pageLines,
    '',
    `  接口 API                 ${url}/api`,
    `  接口文档 API docs        ${url}${DOCS_PAGE}  （OpenAPI: ${url}${OPENAPI_ROUTE}）`,
    `  健康检查 health          ${url}/api/health`,
    `  实时推送 socket.io       ${url}/socket.io/`,
    ...(server.tls === null ? [] : [`  证书指纹 SHA-256         ${server.tls.fingerprint}`]),
    '',
    ...(demoFile === null ? [] : [`  演示设备 ${server.demoDevices.length} 台，全部地址见 ${demoFile}`]),
    `  数据库 ${env.HALL_DB}`,
    '',
  ].join('\n') + '\n',
);

// What the disk holds is all that can be trusted now; whoever runs the server starts it again.
server.hall.onStorageLost(() => process.exit(1));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
