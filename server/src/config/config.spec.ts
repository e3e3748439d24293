import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('Configuration', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'meanshop-config-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has working defaults for local use', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.seedDemoData).toBeTrue();
    expect(config.demoPassword).toBe('demo-password');
    expect(config.mongodbUri).toBeUndefined();
    expect(config.catalogListing).toBe('auto');
  });

  it('generates a JWT secret once in development and keeps it in DATA_DIR', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(path.join(dataDir, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
  });

  it('names each invalid variable', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, PORT: 'eighty', MONGODB_URI: 'postgres://x', CATALOG_LISTING: 'cache' })).toThrowMatching(
      (error) => error instanceof ConfigError && /PORT/.test(error.message) && /MONGODB_URI/.test(error.message) && /CATALOG_LISTING/.test(error.message),
    );
  });

  it('requires JWT_SECRET in production and turns demo data off there', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' })).toThrowError(ConfigError, /JWT_SECRET/);
    const production = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(production.seedDemoData).toBeFalse();
    expect(production.isProduction).toBeTrue();
  });

  it('reads the list of allowed origins', () => {
    const config = loadConfig({ DATA_DIR: dataDir, CORS_ORIGINS: 'https://shop.example, https://admin.example' });
    expect(config.corsOrigins).toEqual(['https://shop.example', 'https://admin.example']);
  });
});
