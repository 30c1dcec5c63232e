import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthConfig } from '../../config/index.js';

export const WebConfig = z.object({
  auth: z.object({
    backend: z.enum(['none', 'jwt']).describe('none: every caller is the one local user, no sign-in; jwt: bearer tokens.'),
    oidc: z
      .object({
        issuer: z.string().describe('OpenID Connect issuer URL (discovery at /.well-known/openid-configuration).'),
        client_id: z.string(),
        scope: z.string(),
      })
      .nullable()
      .describe('How the web app signs users in (authorization code + PKCE); null when sign-in is not configured.'),
  }),
});
export type WebConfig = z.infer<typeof WebConfig>;

/** The public part of the configuration that the web app needs before it can call anything else. */
export function webConfig(auth: AuthConfig): WebConfig {
  if (auth.backend === 'none') return { auth: { backend: 'none', oidc: null } };
  const oidc = auth.oidc ? { issuer: auth.oidc.issuer, client_id: auth.oidc.clientId, scope: auth.oidc.scope } : null;
  return { auth: { backend: 'jwt', oidc } };
}

/** `GET /v1/config`: public, unauthenticated (the web app reads it to know whether and how to sign in). */
export const webConfigRoutes: FastifyPluginAsyncZod<{ auth: AuthConfig }> = async (app, { auth }) => {
  const body = webConfig(auth);
  app.get('/config', {
    schema: {
      tags: ['web'],
      summary: "The web app's runtime configuration (public)",
      description: 'Whether sign-in is needed and, for AUTH_BACKEND=jwt, the OpenID Connect issuer and client id of the web app.',
      response: { 200: WebConfig },
    },
    config: { auth: false },
    handler: async () => body,
  });
};
