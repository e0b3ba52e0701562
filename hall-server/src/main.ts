import { loadServerEnv, type ServerEnv } from './config';
import { startHallServer, type RunningHallServer } from './server';
import { openHallLog } from './operations/logger';
import { EXIT_NEEDS_A_PERSON, StartRefused } from './operations/start-refused';
import { devicePageLine, writeDemoLinks } from './demo-links';
import { pages, readPage } from './web/pages';
import { DOCS_PAGE, OPENAPI_ROUTE } from './http/route-docs';

// Starts the hall server from the environment and prints where everything is.

// ---- a start that needs a person (issue 17: exit 78, which the service does not restart) ----
/** The reason on standard error too: the person at the console, or the service's journal, sees it. */
function refuseToStart(code: string, message: string): never {
  process.stderr.write(`\n  无法启动 The hall server cannot start [${code}]\n  ${message}\n\n`);
  process.exit(EXIT_NEEDS_A_PERSON);
}

let env: ServerEnv;
try {
  env = loadServerEnv();
} catch (error) {
  refuseToStart('BAD_ENVIRONMENT', (error as Error).message);
}
const log = await openHallLog(env).catch((error: Error) =>
  refuseToStart('LOG_UNWRITABLE', `日志目录无法写入 The log folder cannot be written (HALL_LOG_DIR=${env.HALL_LOG_DIR}): ${error.message}`),
);
let server: RunningHallServer;
try {
  server = await startHallServer(env, { logger: log.logger });
} catch (error) {
  if (!(error instanceof StartRefused)) throw error;
  log.logger.fatal({ code: error.code, err: error }, error.message);
  log.flush();
  refuseToStart(error.code, error.message);
}
// ---- end of the refused start ----
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
server.hall.onStorageLost(() => {
  log.flush();
  process.exit(1);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => {
        log.flush();
        process.exit(0);
      },
      () => {
        log.flush();
        process.exit(1);
      },
    );
  });
}
