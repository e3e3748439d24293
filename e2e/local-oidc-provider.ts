/**
 * A real OpenID Connect provider (panva's oidc-provider) for tests and local use, with a plain
 * sign-in page that asks for an email address and no password.
 *
 * Used by the server spec (server/src/accounts/oidc/oidc.routes.spec.ts) and, run as a script, by
 * the Playwright e2e (`npx tsx e2e/local-oidc-provider.ts`; see `runFromCommandLine` for its settings).
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';
// @ts-expect-error -- oidc-provider ships no type declarations; the little used here is typed below.
import UntypedProvider from 'oidc-provider';

export interface LocalOidcAccount {
  sub: string;
  email: string;
  emailVerified: boolean;
  name?: string;
}

export interface LocalOidcProviderOptions {
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on; 127.0.0.1 unless given. */
  host?: string;
  /** The issuer identifier; `http://<host>:<port>` unless given (e.g. `http://localhost:4320` for a browser). */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  accounts?: LocalOidcAccount[];
  /** Lets any email sign in, as a verified address of a new account (for the e2e and manual use). */
  acceptAnyEmail?: boolean;
}

export interface LocalOidcProvider {
  issuer: string;
  port: number;
  /** Adds an account, or replaces the one with the same `sub` (to change its email, say). */
  setAccount(account: LocalOidcAccount): void;
  stop(): Promise<void>;
}

// ── The part of oidc-provider's API used here ───────────────────────────────────────────────

interface InteractionDetails {
  uid: string;
  prompt: { name: string };
  params: Record<string, unknown>;
}

interface ProviderGrant {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}

interface ProviderAccount {
  accountId: string;
  claims(): Record<string, unknown>;
}

interface ProviderConfiguration {
  clients: Array<Record<string, unknown>>;
  jwks: { keys: Array<Record<string, unknown>> };
  cookies: { keys: string[] };
  claims: Record<string, string[]>;
  features: Record<string, { enabled: boolean }>;
  pkce: { required: () => boolean };
  ttl: Record<string, number>;
  findAccount: (context: unknown, sub: string) => ProviderAccount | undefined;
}

interface Provider {
  Grant: new (init: { accountId: string; clientId: string }) => ProviderGrant;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options: { mergeWithLastSubmission: boolean }): Promise<void>;
}

const OidcProvider = UntypedProvider as new (issuer: string, configuration: ProviderConfiguration) => Provider;

// ────────────────────────────────────────────────────────────────────────────────────────────

export async function startLocalOidcProvider(options: LocalOidcProviderOptions): Promise<LocalOidcProvider> {
  const host = options.host ?? '127.0.0.1';
  // The issuer needs the port, so the server listens before the provider exists; a request in
  // between (a readiness check) is told to come back rather than left hanging.
  let handleRequest = (_req: IncomingMessage, res: ServerResponse) => sendPage(res, 503, '<h1>Starting</h1>');
  const server = createServer((req, res) => handleRequest(req, res));
  server.listen(options.port, host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const issuer = options.issuer ?? `http://${host}:${port}`;

  const accounts = new Map((options.accounts ?? []).map((account) => [account.sub, account]));
  const accountWithEmail = (email: string): LocalOidcAccount | undefined => {
    const wanted = email.trim().toLowerCase();
    const known = [...accounts.values()].find((account) => account.email.toLowerCase() === wanted);
    if (known || !options.acceptAnyEmail || !/^[^\s@]+@[^\s@]+$/.test(wanted)) return known;
    const created = { sub: `local-${createHash('sha256').update(wanted).digest('hex').slice(0, 20)}`, email: wanted, emailVerified: true, name: wanted.split('@')[0] };
    accounts.set(created.sub, created);
    return created;
  };

  // No `adapter`: oidc-provider's in-memory store (it warns about it) is right for a provider whose
  // sessions and codes need not outlive the process.
  const provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [await signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // As most providers do: `email` and `profile` scopes grant these claims.
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    // The built-in login and consent pages are replaced by the one below.
    features: { devInteractions: { enabled: false } },
    // oidc-provider only requires PKCE of public clients by default; the shop must always use it.
    pkce: { required: () => true },
    // Seconds; set so oidc-provider does not warn about relying on its defaults.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    findAccount: (_context, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, email: account.email, email_verified: account.emailVerified, ...(account.name ? { name: account.name } : {}) }),
      };
    },
  });

  const handleProtocol = provider.callback();
  handleRequest = (req, res) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname)?.[1];
    if (!uid) {
      handleProtocol(req, res);
      return;
    }
    handleInteraction(provider, accountWithEmail, uid, req, res).catch((error: unknown) => {
      console.error('local OIDC provider: interaction failed', error);
      if (!res.headersSent) sendPage(res, 400, '<h1>Sign-in failed</h1><p>This sign-in request has expired or is unknown. Go back to the shop and start again.</p>');
    });
  };

  return {
    issuer,
    port,
    setAccount: (account) => accounts.set(account.sub, account),
    stop: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

async function signingKey(): Promise<Record<string, unknown>> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
}

/**
 * The sign-in page: an email field, "Sign in" and "Cancel". Signing in also grants the shop the
 * scopes it asked for, as a first-party provider would, so there is no consent page.
 */
async function handleInteraction(
  provider: Provider,
  accountWithEmail: (email: string) => LocalOidcAccount | undefined,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || details.prompt.name !== 'login') throw new Error(`unexpected interaction ${details.prompt.name}`);
  if (req.method === 'GET') {
    sendPage(res, 200, loginForm(uid));
    return;
  }
  if (req.method !== 'POST') {
    sendPage(res, 405, '<h1>Method not allowed</h1>');
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  if (form.get('action') === 'cancel') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The user cancelled the sign-in' }, { mergeWithLastSubmission: false });
    return;
  }
  const account = accountWithEmail(form.get('email') ?? '');
  if (!account) {
    sendPage(res, 401, loginForm(uid, 'No account has that email address.'));
    return;
  }
  const grant = new provider.Grant({ accountId: account.sub, clientId: String(details.params['client_id']) });
  grant.addOIDCScope(String(details.params['scope']));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

function loginForm(uid: string, error?: string): string {
  return `<h1>Sign in to Local ID</h1>
    ${error ? `<p role="alert">${error}</p>` : ''}
    <form method="post" action="/interaction/${uid}">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="email" required autofocus>
      <button type="submit" name="action" value="sign-in">Sign in</button>
      <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
    </form>`;
}

function sendPage(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Local ID</title></head><body>${body}</body></html>`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `npx tsx e2e/local-oidc-provider.ts` starts a provider for the e2e or for trying social login by
 * hand. Settings come from LOCAL_OIDC_PORT (4320), LOCAL_OIDC_ISSUER (http://localhost:<port>),
 * LOCAL_OIDC_CLIENT_ID, LOCAL_OIDC_CLIENT_SECRET and LOCAL_OIDC_REDIRECT_URIS (comma-separated);
 * the shop then needs OIDC_PROVIDERS=local and the matching OIDC_LOCAL_* variables.
 */
async function runFromCommandLine(): Promise<void> {
  const port = Number(process.env['LOCAL_OIDC_PORT'] ?? 4320);
  const provider = await startLocalOidcProvider({
    port,
    issuer: process.env['LOCAL_OIDC_ISSUER'] ?? `http://localhost:${port}`,
    clientId: process.env['LOCAL_OIDC_CLIENT_ID'] ?? 'mean-shop-local',
    clientSecret: process.env['LOCAL_OIDC_CLIENT_SECRET'] ?? 'local-oidc-client-secret',
    redirectUris: (process.env['LOCAL_OIDC_REDIRECT_URIS'] ?? 'http://localhost:3000/api/auth/oidc/local/callback').split(',').map((uri) => uri.trim()),
    accounts: [{ sub: 'local-ada', email: 'ada@local-id.test', emailVerified: true, name: 'Ada Lovelace' }],
    acceptAnyEmail: true,
  });
  console.log(`Local OpenID Connect provider at ${provider.issuer}`);
  const stop = () => void provider.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runFromCommandLine().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
