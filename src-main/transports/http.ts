import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppHost } from '../app-host';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};
/** How much a request may send, and for how long: a slow or silent client cannot hold a connection open. */
export interface HttpLimits {
  maxBodyBytes: number;
  /** The request line and headers must arrive within this time of connecting (idle and dribbling clients). */
  headersTimeoutMs: number;
  /** The whole request, body included, within this time. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two timeouts above. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxBodyBytes: 80 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
};

/** After a too-large body, the rest is read and dropped (so the client sees the 413, not a reset) for at most this long. */
const DRAIN_AFTER_REFUSAL_MS = 10_000;

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The loopback browser host: the built renderer plus POST /api and GET /events (SSE),
 * on 127.0.0.1 only, with a per-launch token on every API request and the Host header checked.
 */
export async function startHttpTransport(app: AppHost, rendererDir: string, port = 0, limits: Partial<HttpLimits> = {}): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  const limit = { ...DEFAULT_LIMITS, ...limits };
  const server = http.createServer(
    {
      headersTimeout: limit.headersTimeoutMs,
      requestTimeout: limit.requestTimeoutMs,
      keepAliveTimeout: limit.keepAliveTimeoutMs,
      connectionsCheckingInterval: limit.checkIntervalMs,
    },
    (req, res) => {
      handle(app, rendererDir, token, limit, req, res, server).catch((error) => {
        if (req.destroyed || (error as NodeJS.ErrnoException).code === 'ECONNRESET') return; // the client went away (or timed out)
        console.error('[canopy] http error', error);
        if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Canopy. Details are in the log.' } });
        else res.destroy();
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${actualPort}/#token=${token}`,
    port: actualPort,
    token,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

async function handle(app: AppHost, rendererDir: string, token: string, limit: HttpLimits, req: http.IncomingMessage, res: http.ServerResponse, server: http.Server) {
  const port = (server.address() as { port: number }).port;
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    return void res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
  }
  const url = parseUrl(req.url, port);
  if (!url) return void res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: the address is not valid.');
  if (url.pathname === '/api') return handleApi(app, token, limit, req, res);
  if (url.pathname === '/events') return handleEvents(app, token, url, req, res);
  if (req.method !== 'GET') return void res.writeHead(405).end();
  serveStatic(rendererDir, url.pathname, res);
}

/** The URL with its path decoded once, or null for an address that cannot be (e.g. a broken %-escape). */
function parseUrl(raw: string | undefined, port: number): URL | null {
  try {
    const url = new URL(raw ?? '/', `http://127.0.0.1:${port}`);
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handleApi(app: AppHost, token: string, limit: HttpLimits, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  if (!tokenMatches(token, req.headers['x-canopy-token'] as string)) return void json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong launch token.' } });
  const body = await readBody(req, limit.maxBodyBytes);
  if (body === null) {
    const megabytes = Math.round(limit.maxBodyBytes / 1024 / 1024);
    res.shouldKeepAlive = false;
    return void json(res, 413, { ok: false, error: { code: 'VALIDATION', message: `The request is too large (more than ${megabytes} MB). Nothing was saved.` } });
  }
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return void json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.' } });
  }
  const { method, input } = (request ?? {}) as { method?: unknown; input?: unknown };
  if (typeof request !== 'object' || Array.isArray(request) || typeof method !== 'string') {
    return void json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request must be a JSON object with a method name (a string) and an input.' } });
  }
  json(res, 200, await app.call(method, input));
}

function handleEvents(app: AppHost, token: string, url: URL, req: http.IncomingMessage, res: http.ServerResponse) {
  if (!tokenMatches(token, url.searchParams.get('token'))) return void res.writeHead(403).end();
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = app.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/**
 * The body as text, or null when it is larger than `maxBytes`. A too-large body is still read to its
 * end and dropped (within a time limit): closing the connection while the client is sending makes it
 * see a reset instead of the 413 that says what happened.
 */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > maxBytes;
    let drainTimer: NodeJS.Timeout | undefined;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      drainTimer ??= setTimeout(() => resolve(null), DRAIN_AFTER_REFUSAL_MS);
    };
    if (tooLarge) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes && !tooLarge) refuse();
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(drainTimer);
      resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      clearTimeout(drainTimer);
      reject(error);
    });
  });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse) {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(rendererDir, `.${relative}`);
  if (relative.includes('\u0000') || !file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
}
