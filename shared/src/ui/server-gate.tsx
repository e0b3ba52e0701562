import { useEffect, useState, type ReactNode } from 'react';
import { createApiClient } from '../client/api-client';
import { retryUntilDone } from '../client/retry';
import { HealthReply } from '../schemas/api';
import { t, type Locale } from '../i18n/index';

// Every plain-browser page's root is wrapped in ServerGate: until the hall server answers its
// health check the page says, in words, that it is connecting and when it tries again, and it
// keeps trying with back-off; then the page itself is drawn. A server that is down, starting or answering 503
// never leaves a dead page behind (the Electron shells retry the page's own address themselves).

const api = createApiClient();
/** The server answers its health check; a refusal, a 503 or no answer at all throws. */
const serverAnswers = () => api.request('GET', '/api/health', HealthReply);

/** Wraps a page's root: draws `children` once the hall server answers. */
export function ServerGate({ locale = 'zh-CN', children }: { locale?: Locale; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const stop = { stopped: false };
    void retryUntilDone(serverAnswers, { signal: stop, onWait: (_n, wait) => setRetryAt(Date.now() + wait) }).then(() => setReady(true));
    return () => {
      stop.stopped = true;
    };
  }, []);
  useEffect(() => {
    if (ready || retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [ready, retryAt]);
  useEffect(() => {
    if (ready) keepPageShell();
  }, [ready]);
  if (ready) return <>{children}</>;
  const seconds = retryAt === null ? 0 : Math.max(1, Math.ceil((retryAt - now) / 1000));
  return (
    <div className="boot-connecting" role="status" data-testid="boot-connecting" lang={locale}>
      <p className="boot-connecting-title">{t(locale, 'boot.connecting')}</p>
      {retryAt !== null && <p className="boot-connecting-retry">{t(locale, 'boot.retrying', { seconds })}</p>}
    </div>
  );
}

interface ServiceWorkerSide {
  isSecureContext?: boolean;
  location: { href: string };
  navigator: { serviceWorker?: { register(url: string): Promise<unknown>; ready: Promise<{ active: { postMessage(message: unknown): void } | null }> } };
  performance: { getEntriesByType(type: 'resource'): { name: string }[] };
}

/**
 * Where the browser runs service workers (localhost, HTTPS), registers the pages' worker and
 * hands it this page and its assets, so that the page opens from that copy while the server is
 * down and waits for it here. Elsewhere (a hall's plain-HTTP LAN address) it does nothing.
 */
function keepPageShell(): void {
  const page = globalThis as unknown as ServiceWorkerSide;
  const workers = page.navigator.serviceWorker;
  if (!page.isSecureContext || !workers) return;
  workers
    .register('/sw.js')
    .then(() => workers.ready)
    .then((registration) => {
      const assets = page.performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.includes('/ui/'));
      registration.active?.postMessage({ keep: [page.location.href, ...assets] });
    })
    .catch(() => undefined);
}
