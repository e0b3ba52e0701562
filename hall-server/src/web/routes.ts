import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { serverFile } from '../server-files';
import { pickEncoding } from './encoding';
import { pages, readCompressedPage, readPage, webAppDir, webApps } from './pages';

const notBuilt = (title: string) => `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${title}</title>
<body style="font:32px sans-serif;padding:2em;background:#fff;color:#000">
<h1>页面尚未构建</h1><p>请在服务器上运行 <code>npm run build</code> 后刷新。</p><p>This page has not been built: run <code>npm run build</code>.</p></body></html>`;

/** The voice clips the screens string into a call when the machine has no Chinese voice. */
const audioDir = serverFile('assets', 'audio');
/** The pages' service worker (assets/sw/page-shell.js), at the root so that it covers every page. */
const serviceWorker = readFileSync(serverFile('assets', 'sw', 'page-shell.js'), 'utf8');

// Built assets are named by their content's hash: a browser keeps them for good. Pages (HTML)
// keep their names from build to build, so the browser asks each time (a 304 costs little).
// Everything goes out as the build compressed it (see shared/vite/precompress.ts).
const HASHED_ASSET = /\/assets\/[^/]+$/;

export const webRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: audioDir, prefix: '/audio/', decorateReply: false, maxAge: '1d' });
  app.get('/sw.js', async (_request, reply) => reply.header('cache-control', 'no-cache').type('text/javascript; charset=utf-8').send(serviceWorker));
  for (const name of webApps) {
    const root = webAppDir(name);
    if (!existsSync(root)) continue;
    await app.register(fastifyStatic, {
      root,
      prefix: `/ui/${name}/`,
      decorateReply: false,
      preCompressed: true,
      immutable: true,
      maxAge: '365d',
      setHeaders: (reply, path) => {
        if (!HASHED_ASSET.test(path.replaceAll('\\', '/'))) reply.header('cache-control', 'no-cache');
      },
    });
  }
  for (const page of pages) {
    // Read once: pages change only with a new build, which comes with a restart.
    const html = readPage(page);
    const compressed = { br: readCompressedPage(page, 'br'), gzip: readCompressedPage(page, 'gzip') };
    // The phone page's address carries the visitor's secret: a log line names its pattern.
    app.get(page.route, { config: { secretInPath: page.route.includes(':secret') } }, async (request, reply) => {
      reply.header('cache-control', 'no-cache');
      if (html === null) return reply.status(503).type('text/html; charset=utf-8').send(notBuilt(page.title));
      reply.header('vary', 'accept-encoding').type('text/html; charset=utf-8');
      const encoding = pickEncoding(request.headers['accept-encoding']);
      const body = encoding === null ? null : compressed[encoding];
      if (encoding === null || body === null) return reply.send(html);
      return reply.header('content-encoding', encoding).send(body);
    });
  }
};
