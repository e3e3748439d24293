import { oidcProviderSchema } from '@shared/accounts/accounts';
import type { Request, Response } from 'express';
import * as oidc from 'openid-client';
import { z } from 'zod';
import type { OidcProviderConfig } from '../../config/config';
import { AppError } from '../../http/app-error';
import type { ApiRoutes } from '../../http/api-routes';
import type { AccountsContext } from '../accounts-context';
import { LoginStateCookie } from './login-state-cookie';
import { OidcClients } from './oidc-clients';
import { safeReturnPath } from './return-path';
import { accountForIdentity, identityFromClaims, SocialLoginRefused } from './social-accounts';

const scope = 'openid email profile';

const providerParamsSchema = z.strictObject({ provider: z.string().min(1).max(40) });

// Not strict: a stray parameter (a tracking tag, say) must not turn a sign-in link into an error.
const startQuerySchema = z.object({
  returnTo: z
    .string()
    .max(1000)
    .optional()
    .transform(safeReturnPath)
    .meta({ description: 'A path on this site to continue to afterwards; anything else becomes `/`' }),
});

// Not strict either: providers add parameters of their own (Google sends scope, authuser, prompt).
// Only the ones below are passed on to openid-client, which checks them against the login state.
const callbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(1024).optional(),
  iss: z.string().max(1024).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(1024).optional(),
});

export function registerOidcRoutes(api: ApiRoutes, context: AccountsContext): void {
  const { config, sessions } = context;
  const providers = new Map(config.oidcProviders.map((provider) => [provider.id, provider]));
  const clients = new OidcClients();
  // Secure on the same terms as the refresh cookie: a Secure cookie would never come back over the
  // plain-http address of a development shop.
  const loginState = new LoginStateCookie(config.jwtSecret, config.isProduction || config.publicUrl.startsWith('https:'));
  const callbackUrl = (provider: OidcProviderConfig) => `${config.publicUrl}/api/auth/oidc/${provider.id}/callback`;

  /** A browser mid-login is sent back to a page it can read, not shown a JSON error. */
  function failLogin(req: Request, res: Response, provider: string, error: unknown): undefined {
    // Refusals and protocol errors (a cancelled login, a bad state, a spent code) are part of the
    // job and logged without a stack; anything else (the provider unreachable, the database) is not.
    const refusal = [SocialLoginRefused, oidc.ClientError, oidc.AuthorizationResponseError, oidc.ResponseBodyError].some((type) => error instanceof type);
    if (refusal) req.log.warn({ provider, reason: (error as Error).message }, 'social login refused');
    else req.log.error({ provider, err: error }, 'social login failed');
    res.set('Cache-Control', 'no-store').redirect(302, `${config.publicUrl}/sign-in?error=social_login_failed`);
    return undefined;
  }

  // Declared before `/auth/oidc/:provider`, which would otherwise take "providers" for a provider id.
  api.add({
    method: 'get',
    path: '/auth/oidc/providers',
    tag: 'Auth',
    summary: 'Social login providers to offer on the sign-in page',
    response: { status: 200, description: 'The configured providers, possibly none', schema: z.array(oidcProviderSchema) },
    handler: () => config.oidcProviders.map(({ id, name }) => ({ id, name })),
  });

  api.add({
    method: 'get',
    path: '/auth/oidc/:provider',
    tag: 'Auth',
    summary: 'Start a social login: redirects the browser to the provider',
    description:
      'Authorization code flow with PKCE (S256), state and nonce, kept in a short-lived encrypted cookie. ' +
      'The provider sends the browser back to `/api/auth/oidc/{provider}/callback`.',
    params: providerParamsSchema,
    query: startQuerySchema,
    response: { status: 302, description: "Redirect to the provider's authorization endpoint" },
    errors: [404],
    handler: async ({ params, query }, req, res) => {
      const provider = providers.get(params.provider);
      if (!provider) throw AppError.notFound('Social login provider');
      let client: oidc.Configuration;
      try {
        client = await clients.configurationFor(provider);
      } catch (error) {
        return failLogin(req, res, provider.id, error);
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const authorizationUrl = oidc.buildAuthorizationUrl(client, {
        redirect_uri: callbackUrl(provider),
        response_type: 'code',
        scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      await loginState.set(res, { provider: provider.id, codeVerifier, state, nonce, returnTo: query.returnTo });
      res.set('Cache-Control', 'no-store').redirect(302, authorizationUrl.href);
      return undefined;
    },
  });

  api.add({
    method: 'get',
    path: '/auth/oidc/:provider/callback',
    tag: 'Auth',
    summary: 'Where the provider sends the browser back; signs in and continues in the shop',
    description:
      'Signs into the account linked to the provider identity, else links the account with the same verified email, ' +
      'else creates a customer account; sets the refresh-token cookie and redirects to `/auth/complete?returnTo=…`. ' +
      'Any failure redirects to `/sign-in?error=social_login_failed`.',
    params: providerParamsSchema,
    query: callbackQuerySchema,
    response: { status: 302, description: 'Redirect into the shop' },
    handler: async ({ params, query }, req, res) => {
      const started = await loginState.read(req);
      // One attempt per cookie, whatever the outcome: a replayed callback finds nothing to check against.
      loginState.clear(res);
      try {
        const provider = providers.get(params.provider);
        if (!provider) throw new SocialLoginRefused(`no provider "${params.provider}" is configured`);
        if (!started || started.provider !== provider.id) {
          throw new SocialLoginRefused('no login was started in this browser in the last 10 minutes (or its cookie was altered)');
        }
        const client = await clients.configurationFor(provider);
        const answer = new URL(callbackUrl(provider));
        for (const [name, value] of Object.entries(query)) if (value !== undefined) answer.searchParams.set(name, value);
        // Checks the provider's error or code, the state and issuer, then the ID token (signature,
        // audience, nonce) after exchanging the code with the PKCE verifier.
        const tokens = await oidc.authorizationCodeGrant(client, answer, {
          pkceCodeVerifier: started.codeVerifier,
          expectedState: started.state,
          expectedNonce: started.nonce,
        });
        // Present: an expected nonce makes openid-client require an ID token.
        const idTokenClaims = tokens.claims()!;
        let claims: Record<string, unknown> = idTokenClaims;
        if (idTokenClaims['email'] === undefined && client.serverMetadata().userinfo_endpoint) {
          // Providers that follow OIDC Core to the letter put the scope's claims in the UserInfo
          // answer only, not in the ID token; its subject must match the ID token's.
          claims = { ...(await oidc.fetchUserInfo(client, tokens.access_token, idTokenClaims.sub)), ...idTokenClaims };
        }
        const user = await accountForIdentity(identityFromClaims(provider.id, claims));
        await sessions.start(user, req, res);
        res.set('Cache-Control', 'no-store').redirect(302, `${config.publicUrl}/auth/complete?returnTo=${encodeURIComponent(started.returnTo)}`);
        return undefined;
      } catch (error) {
        return failLogin(req, res, params.provider, error);
      }
    },
  });
}
