import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppHost } from '../app-host';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};
const MAX_BODY = 80 * 1024 * 1024;

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
export async function startHttpTransport(app: AppHost, rendererDir: string, port = 0): Promise<BrowserHost> {
  const token = randomBytes(24).toString('hex');
  const server = http.createServer((req, res) => {
    handle(app, rendererDir, token, req, res, server).catch((error) => {
      console.error('[canopy] http error', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
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

async function handle(app: AppHost, rendererDir: string, token: string, req: http.IncomingMessage, res: http.ServerResponse, server: http.Server) {
  const port = (server.address() as { port: number }).port;
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    return void res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/api') return handleApi(app, token, req, res);
  if (url.pathname === '/events') return handleEvents(app, token, url, req, res);
  if (req.method !== 'GET') return void res.writeHead(405).end();
  serveStatic(rendererDir, url.pathname, res);
}

function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function handleApi(app: AppHost, token: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  if (!tokenMatches(token, req.headers['x-canopy-token'] as string)) return void json(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong launch token.' } });
  const body = await readBody(req);
  if (body === null) return void json(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'The request is too large.' } });
  let request: { method?: unknown; input?: unknown };
  try {
    request = JSON.parse(body);
  } catch {
    return void json(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request is not valid JSON.' } });
  }
  const result = await app.call(String(request?.method ?? ''), request?.input);
  json(res, 200, result);
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

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function serveStatic(rendererDir: string, pathname: string, res: http.ServerResponse) {
  const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  const file = path.resolve(rendererDir, `.${relative}`);
  if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'",
    'x-content-type-options': 'nosniff',
  });
  fs.createReadStream(file).pipe(res);
}
