import * as oidc from 'openid-client';
import { isLocalHttpUrl, type OidcProviderConfig } from '../../config/config';

const discoveryTimeoutSeconds = 10;

/**
 * The openid-client configuration of each provider, read from its discovery document. Discovery
 * runs on first use rather than at start-up, so a provider that is down cannot stop the shop from
 * starting; a failed discovery is forgotten, so the next sign-in attempt tries again.
 */
export class OidcClients {
  private readonly discovered = new Map<string, Promise<oidc.Configuration>>();

  configurationFor(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    const cached = this.discovered.get(provider.id);
    if (cached) return cached;
    const discovery = discover(provider);
    this.discovered.set(provider.id, discovery);
    discovery.catch(() => {
      if (this.discovered.get(provider.id) === discovery) this.discovered.delete(provider.id);
    });
    return discovery;
  }
}

function discover(provider: OidcProviderConfig): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  return oidc.discovery(
    issuer,
    provider.clientId,
    provider.clientSecret,
    // client_secret_basic is the OpenID Connect default that every provider accepts (openid-client
    // would otherwise send client_secret_post, which some providers do not enable).
    oidc.ClientSecretBasic(provider.clientSecret),
    {
      timeout: discoveryTimeoutSeconds,
      // openid-client refuses plain http, rightly; only a provider on this machine (the local
      // test provider) is let through. config.ts refuses any other http issuer at start-up too.
      execute: isLocalHttpUrl(issuer) ? [oidc.allowInsecureRequests] : [],
    },
  );
}
