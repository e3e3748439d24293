import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../config/logger';
import { loadConfig } from '../config/config';
import { connectRedis, type RedisClient } from '../database/redis-client';
import { errorHandler } from '../http/error-handler';
import { accountRateLimits } from './rate-limits';

/** Redis runs on every machine of this project, CI's included (see the README's requirements). */
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** One instance's password-reset route, behind its own set of account limits. */
async function startInstance(redis: RedisClient | undefined): Promise<{ url: string; server: Server }> {
  const app = express();
  // Each run is a client of its own (X-Forwarded-For below): the per-address counters outlive it in Redis.
  app.set('trust proxy', 'loopback');
  app.use(express.json());
  app.post('/api/auth/password/forgot', ...accountRateLimits(redis).forgotPassword, (_req, res) => {
    res.json({ message: 'sent' });
  });
  app.use(errorHandler);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('Account rate limits across instances', () => {
  let redis: RedisClient;
  const servers: Server[] = [];

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: 'x'.repeat(32) });
    redis = await connectRedis(redisUrl, createLogger(config), 'spec');
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  afterAll(async () => {
    await redis.quit();
  });

  async function instances(count: number, shared: RedisClient | undefined): Promise<string[]> {
    const started = await Promise.all(Array.from({ length: count }, () => startInstance(shared)));
    servers.push(...started.map(({ server }) => server));
    return started.map(({ url }) => url);
  }

  /** Three reset mails an hour per account; each attempt goes to the next instance in turn. */
  async function statusesOfResetRequests(urls: string[], attempts: number): Promise<number[]> {
    // An account and a client address of this run's own: the counters outlive the run in Redis.
    const email = `limit-${randomBytes(6).toString('hex')}@example.test`;
    const clientAddress = `10.${randomBytes(3).join('.')}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const response = await fetch(`${urls[attempt % urls.length]}/api/auth/password/forgot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress },
        body: JSON.stringify({ email }),
      });
      statuses.push(response.status);
    }
    return statuses;
  }

  it('with REDIS_URL, share one count: a second instance does not grant the limit again', async () => {
    expect(await statusesOfResetRequests(await instances(2, redis), 5)).toEqual([200, 200, 200, 429, 429]);
  });

  it('without it, count in each instance alone', async () => {
    expect(await statusesOfResetRequests(await instances(2, undefined), 6)).toEqual([200, 200, 200, 200, 200, 200]);
  });
});
