import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpTransport, type BrowserHost } from '../../src-main/transports/http';
import { openTestApp, tempDir } from './helpers';

async function startHost(limits = {}): Promise<BrowserHost> {
  const app = await openTestApp();
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Canopy</title>');
  const host = await startHttpTransport(app, rendererDir, 0, limits);
  hosts.push(host);
  return host;
}

const hosts: BrowserHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close(); // (runs before helpers' cleanup closes the app)
});

interface Reply {
  status: number;
  body: string;
}

/** A raw request: the path is sent exactly as given (no normalising of escapes). */
function request(host: BrowserHost, options: { method?: string; path?: string; body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/api',
        headers: { 'content-type': 'application/json', 'x-canopy-token': host.token, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host: HTTP edge cases answer with clear errors', () => {
  it('a method that is not a string gets a 400 that says so, not an empty 500', async () => {
    const host = await startHost();
    for (const body of [`{"method":{"toString":1}}`, `{"method":42}`, `null`, `[1,2]`, `"admin.getSettings"`]) {
      const reply = await request(host, { body });
      expect(reply.status).toBe(400);
      expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The request must be a JSON object with a method name (a string) and an input.' } });
    }
    expect(JSON.parse((await request(host, { body: `{"method":"admin.getSettings"}` })).body)).toMatchObject({ ok: true });
  });

  it('a malformed %-escape in the address gets a 400 with a message, not an empty 500', async () => {
    const host = await startHost();
    for (const target of ['/%E0%A4%A', '/assets/%', '/%ZZ']) {
      const reply = await request(host, { method: 'GET', path: target });
      expect(reply).toEqual({ status: 400, body: 'Bad request: the address is not valid.' });
    }
    expect((await request(host, { method: 'GET', path: '/%00' })).status).toBe(404);
    expect(await request(host, { method: 'GET', path: '/' })).toMatchObject({ status: 200, body: expect.stringContaining('<title>Canopy</title>') });
  });

  it('a 100 MB body gets its 413 answer (not a reset), and the connection is closed afterwards', async () => {
    const host = await startHost();
    const reply = await new Promise<Reply & { connection?: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api', headers: { 'x-canopy-token': host.token } }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      });
      req.on('error', reject);
      const megabyte = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const send = () => {
        while (sent < 100) {
          sent++;
          if (!req.write(megabyte)) return void req.once('drain', send);
        }
        req.end();
      };
      send();
    });
    expect(reply).toEqual({
      status: 413,
      connection: 'close',
      body: JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The request is too large (more than 80 MB). Nothing was saved.' } }),
    });
  });

  it('idle and dribbling connections are closed after the time limits', async () => {
    const host = await startHost({ headersTimeoutMs: 500, requestTimeoutMs: 1000, keepAliveTimeoutMs: 300, checkIntervalMs: 100 });
    const closedAfter = (feed: (socket: net.Socket) => void) =>
      new Promise<{ ms: number; reply: string }>((resolve) => {
        const socket = net.connect(host.port, '127.0.0.1');
        const started = Date.now();
        let reply = '';
        socket.on('data', (chunk) => (reply += chunk));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve({ ms: Date.now() - started, reply: reply.split('\r\n')[0] }));
        feed(socket);
      });
    const every = (socket: net.Socket, text: string) => {
      const timer = setInterval(() => socket.writable && socket.write(text), 50);
      socket.on('close', () => clearInterval(timer));
    };
    const [idle, dribblingHeaders, dribblingBody, keptAlive] = await Promise.all([
      closedAfter(() => undefined),
      closedAfter((socket) => {
        socket.write(`POST /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
        every(socket, 'X-Slow: 1\r\n');
      }),
      closedAfter((socket) => {
        socket.write(`POST /api HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Canopy-Token: ${host.token}\r\nContent-Length: 100000\r\n\r\n`);
        every(socket, ' ');
      }),
      closedAfter((socket) => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)),
    ]);
    expect(idle.reply).toBe('HTTP/1.1 408 Request Timeout');
    expect(dribblingHeaders.reply).toBe('HTTP/1.1 408 Request Timeout');
    expect(dribblingBody.reply).toBe('HTTP/1.1 408 Request Timeout');
    expect(keptAlive.reply).toBe('HTTP/1.1 200 OK');
    for (const { ms } of [idle, dribblingHeaders, dribblingBody, keptAlive]) expect(ms).toBeLessThan(5000);
  });

  it('admin.exportTable with a row wider than its headers is an input error, not INTERNAL', async () => {
    const host = await startHost();
    const reply = await request(host, {
      body: JSON.stringify({ method: 'admin.exportTable', input: { format: 'xlsx', title: 'T', headers: ['Name'], rows: [['Ann'], ['Bo', 'extra']] } }),
    });
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Row 2 has 2 cells but the table has only 1 column. Nothing was exported.', issues: [{ row: 2 }] },
    });
    const narrow = await request(host, { body: JSON.stringify({ method: 'admin.exportTable', input: { format: 'xlsx', title: 'T', headers: ['Name', 'Age'], rows: [['Ann']] } }) });
    expect(JSON.parse(narrow.body)).toMatchObject({ ok: true });
  });

  it('a backup path with a NUL byte or onto a file that is not a database is refused with a clear message', async () => {
    const host = await startHost();
    const dir = tempDir();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, 'my notes');
    const call = async (target: string) => JSON.parse((await request(host, { body: JSON.stringify({ method: 'admin.backupDatabase', input: { path: target } }) })).body);
    expect(await call(path.join(dir, 'a\u0000.sqlite'))).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/invalid character \(NUL\)/) } });
    expect(await call(notes)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/notes\.txt already exists and is not a Canopy database/) } });
    expect(fs.readFileSync(notes, 'utf8')).toBe('my notes');
  });
});
