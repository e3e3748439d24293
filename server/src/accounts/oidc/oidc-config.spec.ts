import { ConfigError, loadConfig } from '../../config/config';

describe('Social login configuration', () => {
  // A JWT secret of its own keeps loadConfig from writing one into DATA_DIR.
  const base = { DATA_DIR: '/nonexistent/meanshop', JWT_SECRET: 'x'.repeat(40) };
  const google = { OIDC_GOOGLE_ISSUER: 'https://accounts.google.com', OIDC_GOOGLE_CLIENT_ID: 'google-id', OIDC_GOOGLE_CLIENT_SECRET: 'google-secret' };

  function configError(environment: Record<string, string>): string {
    try {
      loadConfig({ ...base, ...environment });
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('the configuration was accepted');
  }

  it('has no providers unless OIDC_PROVIDERS lists some', () => {
    expect(loadConfig({ ...base, ...google }).oidcProviders).toEqual([]);
    expect(loadConfig({ ...base, OIDC_PROVIDERS: '' }).oidcProviders).toEqual([]);
  });

  it('reads each listed provider, named after its id unless OIDC_<ID>_NAME says otherwise', () => {
    const config = loadConfig({
      ...base,
      ...google,
      OIDC_PROVIDERS: ' Google , local ',
      OIDC_LOCAL_ISSUER: 'http://localhost:4320',
      OIDC_LOCAL_CLIENT_ID: 'local-id',
      OIDC_LOCAL_CLIENT_SECRET: 'local-secret',
      OIDC_LOCAL_NAME: 'Local ID',
    });
    expect(config.oidcProviders).toEqual([
      { id: 'google', name: 'Google', issuer: 'https://accounts.google.com', clientId: 'google-id', clientSecret: 'google-secret' },
      { id: 'local', name: 'Local ID', issuer: 'http://localhost:4320', clientId: 'local-id', clientSecret: 'local-secret' },
    ]);
  });

  it('names each missing variable of a listed provider', () => {
    const message = configError({ OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: 'https://accounts.google.com', OIDC_GOOGLE_CLIENT_SECRET: '' });
    expect(message).toContain('OIDC_GOOGLE_CLIENT_ID: is required');
    expect(message).toContain('OIDC_GOOGLE_CLIENT_SECRET: is required');
    expect(message).not.toContain('OIDC_GOOGLE_ISSUER');
  });

  it('accepts plain http only for an issuer on this machine', () => {
    expect(configError({ ...google, OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: 'http://accounts.google.com' })).toContain('OIDC_GOOGLE_ISSUER: must use https://');
    expect(configError({ ...google, OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: 'accounts.google.com' })).toContain('OIDC_GOOGLE_ISSUER');
    for (const issuer of ['http://localhost:4320', 'http://127.0.0.1:4320']) {
      expect(loadConfig({ ...base, ...google, OIDC_PROVIDERS: 'google', OIDC_GOOGLE_ISSUER: issuer }).oidcProviders[0]!.issuer).toBe(issuer);
    }
  });

  it('refuses ids that cannot be part of a variable name or a path, and ids listed twice', () => {
    expect(configError({ ...google, OIDC_PROVIDERS: 'google,google' })).toContain('"google" is listed twice');
    expect(configError({ OIDC_PROVIDERS: 'my-idp' })).toContain('"my-idp" is not a valid id');
    // `providers` is taken by GET /api/auth/oidc/providers.
    expect(configError({ OIDC_PROVIDERS: 'providers' })).toContain('"providers" is not a valid id');
  });
});
