import { readServerEnv } from './config';
import { startHallServer } from './server';
import { pages, readPage } from './web/pages';

// Starts the hall server from the environment and prints where everything is.

const env = readServerEnv(process.env);
const server = await startHallServer(env);
const { url } = server;

const pageLines = pages.map((page) => {
  const built = readPage(page) === null ? '  （尚未构建：npm run build）' : '';
  return `  ${page.title.padEnd(22)} ${url}${page.example ?? page.route}${built}`;
});
process.stdout.write(
  [
    '',
    `  ${server.hall.hallName()} · 排队叫号系统已启动`,
    '',
    ...pageLines,
    '',
    `  接口 API                 ${url}/api`,
    `  健康检查 health          ${url}/api/health`,
    `  实时推送 socket.io       ${url}/socket.io/`,
    '',
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
