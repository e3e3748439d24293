import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import helmet from 'helmet';
import pino from 'pino';
import { requestLog } from './request-log';
import { securityHeaders } from './security-headers';

async function serve(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('Request logging', () => {
  const lines: Array<Record<string, unknown>> = [];
  let running: { url: string; server: Server };

  beforeAll(async () => {
    const log = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
    const app = express();
    app.use(requestLog(log, { ignore: (url) => url.startsWith('/health') }));
    app.get('/ok', (_req, res) => res.json({ ok: true }));
    app.get('/health', (_req, res) => res.json({ ok: true }));
    app.get('/fails', (req, res) => {
      req.log.error('on its behalf');
      res.status(500).end();
    });
    running = await serve(app);
  });

  afterAll(() => running.server.close());

  beforeEach(() => lines.splice(0));

  /** The line is written when the response closes, just after the client has it. */
  async function linesWritten(count: number): Promise<void> {
    while (lines.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  it('writes one line per request with its id, method, URL, status and time, and answers the id', async () => {
    const response = await fetch(`${running.url}/ok?page=2`, { headers: { 'x-request-id': 'caller-id-1234' } });
    expect(response.headers.get('x-request-id')).toBe('caller-id-1234');
    await linesWritten(1);
    expect(lines).toEqual([jasmine.objectContaining({ level: 30, msg: 'request completed', req: { id: 'caller-id-1234', method: 'GET', url: '/ok?page=2' }, res: { statusCode: 200 }, responseTime: jasmine.any(Number) })]);
  });

  it('replaces a request id that does not look like one, logs errors with the request, and skips health checks', async () => {
    await fetch(`${running.url}/health`);
    const response = await fetch(`${running.url}/fails`, { headers: { 'x-request-id': 'bad id <script>' } });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await linesWritten(2);
    expect(lines.map((line) => [line['level'], line['msg'], (line['req'] as { id: string }).id])).toEqual([
      [50, 'on its behalf', id],
      [50, 'request completed', id],
    ]);
  });
});

describe('Security headers', () => {
  it('are the headers helmet sets, for every response', async () => {
    const options = { contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } };
    const withHelmet = express().use(helmet(options)).get('/', (_req, res) => res.send('x'));
    const withHeaders = express().use(securityHeaders(options)).get('/', (_req, res) => res.send('x'));
    const [expected, actual] = await Promise.all([serve(withHelmet), serve(withHeaders)]);
    try {
      const headersOf = async (url: string) => {
        const headers = Object.fromEntries((await fetch(url)).headers);
        delete headers['date'];
        return headers;
      };
      const helmetHeaders = await headersOf(expected.url);
      expect(helmetHeaders['content-security-policy']).toContain("img-src 'self' data:");
      expect(helmetHeaders['x-powered-by']).toBeUndefined();
      expect(await headersOf(actual.url)).toEqual(helmetHeaders);
    } finally {
      expected.server.close();
      actual.server.close();
    }
  });
});
