import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface OidcUser {
  sub: string;
  name: string;
  email: string;
}

export interface OidcProvider {
  issuer: string;
  /** Token requests received: each checked its PKCE verifier against the challenge of its code. */
  tokenRequests: { grantType: string; pkceVerified: boolean }[];
  close(): Promise<void>;
}

interface PendingCode {
  challenge: string;
  redirectUri: string;
  clientId: string;
  nonce: string | null;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A minimal OpenID Connect provider for the sign-in test: discovery, a one-button login page, an
 * authorization code flow that insists on PKCE S256, ES256-signed ID and access tokens (the access
 * token carries `aud` = the API audience, as Meetbridge's jwt backend checks), JWKS and end-session.
 */
export async function startOidcProvider(
  port: number,
  options: { clientId: string; audience: string; user: OidcUser },
): Promise<OidcProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'e2e', alg: 'ES256', use: 'sig' };
  const codes = new Map<string, PendingCode>();
  const tokenRequests: OidcProvider['tokenRequests'] = [];

  const sign = (claims: Record<string, unknown>, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'e2e' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(options.user.sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(body));
  };
  const readForm = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', issuer);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
          'access-control-allow-methods': 'GET, POST',
        });
        return res.end();
      }
      switch (url.pathname) {
        case '/.well-known/openid-configuration':
          return json(res, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            end_session_endpoint: `${issuer}/logout`,
            response_types_supported: ['code'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['ES256'],
            code_challenge_methods_supported: ['S256'],
          });
        case '/jwks':
          return json(res, 200, { keys: [jwk] });
        case '/authorize': {
          const q = url.searchParams;
          if (q.get('client_id') !== options.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256') {
            res.writeHead(400, { 'content-type': 'text/plain' });
            return res.end('expected client_id, response_type=code and PKCE S256');
          }
          const code = randomBytes(16).toString('hex');
          codes.set(code, {
            challenge: q.get('code_challenge') ?? '',
            redirectUri: q.get('redirect_uri') ?? '',
            clientId: options.clientId,
            nonce: q.get('nonce'),
          });
          const back = new URL(q.get('redirect_uri') ?? '');
          back.searchParams.set('code', code);
          back.searchParams.set('state', q.get('state') ?? '');
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(
            `<!doctype html><title>Test identity provider</title><main><h1>Test identity provider</h1><p>Meetbridge asks who you are.</p><a href="${escape(back.toString())}">Sign in as ${escape(options.user.name)}</a></main>`,
          );
        }
        case '/token': {
          const form = await readForm(req);
          const pending = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const pkceVerified = pending !== undefined && createHash('sha256').update(verifier).digest('base64url') === pending.challenge;
          tokenRequests.push({ grantType: form.get('grant_type') ?? '', pkceVerified });
          if (!pending || !pkceVerified || form.get('redirect_uri') !== pending.redirectUri)
            return json(res, 400, { error: 'invalid_grant' });
          const profile = { name: options.user.name, email: options.user.email };
          return json(res, 200, {
            token_type: 'Bearer',
            expires_in: 600,
            access_token: await sign({ ...profile, scope: form.get('scope') ?? 'openid' }, options.audience),
            id_token: await sign({ ...profile, ...(pending.nonce ? { nonce: pending.nonce } : {}) }, pending.clientId),
          });
        }
        case '/logout': {
          const back = url.searchParams.get('post_logout_redirect_uri') ?? '/';
          res.writeHead(302, { location: back });
          return res.end();
        }
        default:
          res.writeHead(404);
          return res.end();
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { issuer, tokenRequests, close: () => new Promise<void>((done) => server.close(() => done())) };
}
