import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive Debian's Chromium against the real shop: `npm start`'s own entry point on
 * a fresh database (a new DATA_DIR each run, so the seed runs), with the built Angular app.
 */
const port = Number(process.env['E2E_PORT'] ?? 4310);
const baseURL = `http://localhost:${port}`;
const dataDir = path.join(tmpdir(), `meanshop-e2e-${port}`);
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The local OpenID Connect provider (e2e/local-oidc-provider.ts) that social-login.e2e.ts signs in with. */
const oidcPort = Number(process.env['E2E_OIDC_PORT'] ?? 4320);
const oidcIssuer = `http://localhost:${oidcPort}`;
const oidcClient = { id: 'mean-shop-e2e', secret: 'e2e-local-oidc-client-secret' };

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_FILE'] ? [['list'], ['json']] : [['list']],
  outputDir: path.join('..', 'test-results', 'e2e'),
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { ...devices['Pixel 7'] } },
  ],
  webServer: [
    {
      command: 'npx tsx e2e/local-oidc-provider.ts',
      cwd: '..',
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        LOCAL_OIDC_PORT: String(oidcPort),
        LOCAL_OIDC_ISSUER: oidcIssuer,
        LOCAL_OIDC_CLIENT_ID: oidcClient.id,
        LOCAL_OIDC_CLIENT_SECRET: oidcClient.secret,
        LOCAL_OIDC_REDIRECT_URIS: `${baseURL}/api/auth/oidc/local/callback`,
      },
    },
    {
      command: `rm -rf "${dataDir}" && npx tsx server/tools/start.ts`,
      cwd: '..',
      url: `${baseURL}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        // The specs send X-Forwarded-For (asNewClient in shop-helpers.ts): they act as many people.
        TRUST_PROXY: 'loopback',
        LOG_LEVEL: 'warn',
        MONGODB_URI: '',
        OIDC_PROVIDERS: 'local',
        OIDC_LOCAL_ISSUER: oidcIssuer,
        OIDC_LOCAL_CLIENT_ID: oidcClient.id,
        OIDC_LOCAL_CLIENT_SECRET: oidcClient.secret,
        OIDC_LOCAL_NAME: 'Local ID',
      },
    },
  ],
});
