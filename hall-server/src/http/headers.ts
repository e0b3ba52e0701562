import type { FastifyHelmetOptions } from '@fastify/helmet';

// Security headers on every reply (helmet): the pages are the hall server's own Vite builds,
// which load only their own scripts and styles, talk to this server over fetch and socket.io,
// play their own voice clips and show QR codes and the icon as data: images. No page may be
// framed by another (clickjacking a console), no response sniffed as another type, and no
// address with a ticket in it sent on as a referrer.

/** The pages' Content-Security-Policy: only what they use. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets element styles through the DOM; 'unsafe-inline' is for the style attributes of
  // server-written HTML (the not-built page) and costs nothing while scripts stay 'self' only.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'media-src': ["'self'", 'data:', 'blob:'],
  // 'self' covers this server's own ws:/wss: (socket.io) in CSP Level 3.
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** @fastify/helmet's options: register with `app.register(helmet, SECURITY_HEADERS)` on the root instance. */
export const SECURITY_HEADERS: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: CONTENT_SECURITY_POLICY,
  },
  // A hall's certificate is its own and may change or go: browsers must not be told to refuse
  // plain HTTP to the hall for a year (nor to upgrade the pages' requests behind their back).
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  crossOriginEmbedderPolicy: false,
};
