import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino, { type Logger } from 'pino';
import { repositoryRoot } from '../src/config/paths';
import { stopProcess } from '../src/database/child-processes';
import { runGoBuild } from '../src/database/ferretdb-binary';

const stripeMockModule = 'github.com/stripe/stripe-mock';
const stripeMockVersion = 'v0.203.0';
/** Named after its version, so that changing the version above builds the new one. */
const stripeMockBinary = path.join(repositoryRoot, '.cache', 'stripe-mock', `stripe-mock-${stripeMockVersion}`);

/** `go` from PATH, else where the official tarball installs it (often not on PATH in CI images). */
function findGo(): string | undefined {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0) return 'go';
  return existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

/** Builds stripe-mock once with `go install` and caches it; a cold build takes a minute or two. */
export async function ensureStripeMockBinary(log: Logger): Promise<string> {
  if (existsSync(stripeMockBinary)) return stripeMockBinary;
  const go = findGo();
  if (!go) throw new Error('stripe-mock is not built yet, and building it needs Go (https://go.dev/dl/), which is neither on PATH nor in /usr/local/go');
  // go install names its output after the module; a folder of our own keeps concurrent builds apart
  // until the finished binary is renamed into place in one step.
  const partialDir = `${stripeMockBinary}.${process.pid}.partial`;
  mkdirSync(partialDir, { recursive: true });
  log.info(`building stripe-mock ${stripeMockVersion} with go install; this happens once`);
  try {
    const { exitCode, output } = await runGoBuild(go, ['install', '-v', '-trimpath', `${stripeMockModule}@${stripeMockVersion}`], {
      env: { ...process.env, GOBIN: partialDir, CGO_ENABLED: '0' },
      log,
      activity: 'building stripe-mock',
    });
    if (exitCode !== 0) throw new Error(`Building stripe-mock failed (go install exited with ${exitCode}):\n${output.slice(-30).join('\n')}`);
    renameSync(path.join(partialDir, 'stripe-mock'), stripeMockBinary);
  } finally {
    rmSync(partialDir, { recursive: true, force: true });
  }
  return stripeMockBinary;
}

/** What the SDK sent: form parameters of a POST, query parameters of a GET. */
export interface StripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  params: URLSearchParams;
}

type Script =
  | { method: string; path: string; reply: { status: number; body: unknown } }
  | { method: string; path: string; amend: Record<string, unknown> };

/**
 * A real stripe-mock on free ports, behind a small front on another. stripe-mock checks every request
 * against Stripe's OpenAPI description and answers with Stripe's fixtures, but it is stateless:
 * it keeps no idempotency keys, always answers a PaymentIntent in status `requires_payment_method`,
 * and never declines. The front records what the SDK sent, and lets a spec play the state and the
 * errors real Stripe would have, one request at a time.
 */
export class StripeMock {
  readonly host = '127.0.0.1';
  readonly protocol = 'http';
  readonly requests: StripeRequest[] = [];
  private readonly scripts: Script[] = [];
  private readonly front: Server;

  private constructor(
    private readonly child: ChildProcess,
    private readonly mockPort: number,
    private readonly killOnExit: () => void,
  ) {
    this.front = createServer((request, response) => {
      this.relay(request, response).catch((error: unknown) => {
        response.writeHead(502, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { type: 'api_error', message: `stripe-mock front: ${String(error)}` } }));
      });
    });
  }

  static async start(log: Logger = pino({ level: 'info' })): Promise<StripeMock> {
    const binary = await ensureStripeMockBinary(log);
    // Port 0 for both listeners: stripe-mock opens HTTPS on 12112 unless told otherwise, which
    // would collide with any other stripe-mock on the machine.
    const child = spawn(binary, ['-http-addr', '127.0.0.1:0', '-https-addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // A spec process that dies without its afterAll must not leave stripe-mock behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    try {
      const mockPort = await listeningPort(child, 30_000);
      const mock = new StripeMock(child, mockPort, killOnExit);
      await mock.listen();
      await mock.waitUntilAnswering(10_000);
      return mock;
    } catch (error) {
      process.off('exit', killOnExit);
      await stopProcess(child, 'SIGTERM', 'SIGKILL', 5000);
      throw error;
    }
  }

  /** The front's port: give it to the SDK, with `host` and `protocol`. */
  get port(): number {
    return (this.front.address() as AddressInfo).port;
  }

  /** The next `method path` request gets `reply` instead of going to stripe-mock: a decline, an outage. */
  replyNext(method: string, path: string, reply: { status: number; body: unknown }): void {
    this.scripts.push({ method, path, reply });
  }

  /** The next `method path` request goes to stripe-mock, and `fields` replace those of its answer: a status. */
  amendNext(method: string, path: string, fields: Record<string, unknown>): void {
    this.scripts.push({ method, path, amend: fields });
  }

  /** Forgets what was recorded and what was scripted, between specs. */
  reset(): void {
    this.requests.length = 0;
    this.scripts.length = 0;
  }

  async stop(): Promise<void> {
    this.front.closeAllConnections();
    await new Promise<void>((resolve) => this.front.close(() => resolve()));
    process.off('exit', this.killOnExit);
    await stopProcess(this.child, 'SIGTERM', 'SIGKILL', 5000);
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.front.once('error', reject);
      this.front.listen(0, this.host, () => resolve());
    });
  }

  private async waitUntilAnswering(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const response = await fetch(`http://${this.host}:${this.mockPort}/v1/balance`, { headers: { authorization: 'Bearer sk_test_123' } });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`stripe-mock did not answer within ${timeoutMs / 1000}s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async relay(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(request.url ?? '/', `http://${this.host}`);
    const method = request.method ?? 'GET';
    const idempotencyKey = request.headers['idempotency-key'];
    this.requests.push({
      method,
      path: url.pathname,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
      params: method === 'GET' ? url.searchParams : new URLSearchParams(body),
    });

    const index = this.scripts.findIndex((script) => script.method === method && script.path === url.pathname);
    const script = index >= 0 ? this.scripts.splice(index, 1)[0] : undefined;
    if (script && 'reply' in script) {
      response.writeHead(script.reply.status, { 'content-type': 'application/json', 'request-id': 'req_scripted' });
      response.end(JSON.stringify(script.reply.body));
      return;
    }

    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding'].includes(name)) headers.set(name, value);
    }
    const upstream = await fetch(`http://${this.host}:${this.mockPort}${url.pathname}${url.search}`, {
      method,
      headers,
      body: method === 'GET' || method === 'DELETE' ? undefined : body,
    });
    let answer = await upstream.text();
    if (script && upstream.ok) answer = JSON.stringify({ ...(JSON.parse(answer) as object), ...script.amend });
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
    response.end(answer);
  }
}

/** stripe-mock prints `Listening for HTTP at address: 127.0.0.1:<port>` once it listens. */
function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const output: string[] = [];
    const lines = createInterface({ input: child.stdout! });
    const settle = (outcome: () => void) => {
      clearTimeout(timer);
      lines.close();
      // Closing the reader pauses the stream; a paused pipe that fills up would block stripe-mock.
      child.stdout?.resume();
      child.off('exit', onExit);
      child.off('error', onError);
      outcome();
    };
    const timer = setTimeout(() => settle(() => reject(new Error(`stripe-mock did not listen within ${timeoutMs / 1000}s:\n${output.join('\n')}`))), timeoutMs);
    const onExit = (code: number | null) => settle(() => reject(new Error(`stripe-mock exited with ${code} while starting:\n${output.join('\n')}`)));
    const onError = (error: Error) => settle(() => reject(new Error(`stripe-mock could not be started: ${error.message}`)));
    lines.on('line', (line) => {
      output.push(line);
      const match = /^Listening for HTTP at address: .*:(\d+)$/.exec(line);
      if (match) settle(() => resolve(Number(match[1])));
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString().trimEnd()));
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
