import type { Health } from '@shared/health/health';
import { useTestShop } from '../../test/test-shop';

describe('GET /api/health', () => {
  const shop = useTestShop();

  it('names the database engine and its version, and says it is connected', async () => {
    const response = await shop.request('/api/health');
    expect(response.status).toBe(200);
    const health = (await response.json()) as Health;
    expect(health.status).toBe('ok');
    expect(health.database.connected).toBeTrue();
    expect(health.database.engine).toBe(shop.shop.database.engine);
    expect(['mongodb', 'ferretdb']).toContain(health.database.engine);
    if (health.database.engine === 'ferretdb' && !process.env['MONGODB_URI']) {
      // Without MONGODB_URI the suite runs on the embedded FerretDB, which stores into its own PostgreSQL.
      expect(health.database.version).toBe('v1.24.2');
      expect(health.database.storage).toEqual({ engine: 'postgresql', version: jasmine.stringMatching(/^17\.\d+$/) });
      expect(health.database.summary).toMatch(/^ferretdb v1\.24\.2 on postgresql 17\.\d+$/);
    } else if (health.database.engine === 'ferretdb') {
      expect(health.database.version).toMatch(/^v\d+\.\d+\.\d+$|^unknown$/);
    } else {
      expect(health.database.version).toMatch(/^\d+\.\d+\.\d+/);
    }
    expect(health.database.compatibleWith).toMatch(/^\d+\.\d+/);
    expect(health.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });
});
