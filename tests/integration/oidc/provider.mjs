// Fenestra's OpenID Connect provider for integration tests (npm oidc-provider 8.x), started by
// tests/integration/support/oidcprovider.cpp as `node provider.mjs CONFIG.json`.
//
// CONFIG (written by the harness):
//   port, stateDirectory (the signing key lives there across restarts), clientId, redirectUris,
//   postLogoutRedirectUris, audience, otherAudience, purposeOfUse, accessTokenTtl, idTokenTtl,
//   refreshTokenTtl, sessionTtl, breakGlassTtl (seconds), consentForm (bool),
//   users: [{username, password, name, organisation, organisationName, role}]
//
// Break-glass (emergency access, IHE IUA purpose of use): a refresh_token grant at /token with
// the extra form parameters purpose_of_use=EMER|ETREAT and break_glass_reason=<text, 1..500
// characters> answers an access token with that purpose, a "break_glass": {reason, started_at}
// claim and a lifetime of breakGlassTtl; the new refresh token is an ordinary one (the next
// refresh without these parameters returns to purposeOfUse). An emergency purpose without a
// reason, or any other purpose_of_use, is refused (400 invalid_request) before the refresh
// token is used up. The reason is never logged here: the archive logs it.
//
// Listens on 127.0.0.1 only. Prints "fenestra-oidc listening <issuer>" when ready, exits 98
// when the port is taken (the harness retries on another). Never logs a token or a password.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import * as jose from 'jose';
import Provider, { errors } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const users = new Map(config.users.map((user) => [user.username, user]));
const resources = new Set([config.audience, config.otherAudience]);

// One RS256 key per harness instance, kept for restart() so tokens signed before stay valid.
async function signingKeys() {
  const keyFile = join(config.stateDirectory, 'signing-key.json');
  if (!existsSync(keyFile)) {
    const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await jose.exportJWK(privateKey)), alg: 'RS256', use: 'sig' };
    jwk.kid = await jose.calculateJwkThumbprint(jwk);
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  const jwk = JSON.parse(readFileSync(keyFile, 'utf8'));
  const publicJwk = {
    kty: jwk.kty, n: jwk.n, e: jwk.e, kid: jwk.kid, alg: jwk.alg, use: jwk.use,
  };
  writeFileSync(join(config.stateDirectory, 'jwks.json'), JSON.stringify({ keys: [publicJwk] }));
  return { keys: [jwk] };
}

// The claims both tokens carry (profile scope); the subject is the username.
function profileClaims(user) {
  return {
    name: user.name,
    preferred_username: user.username,
    organisation: user.organisation,
    organisation_name: user.organisationName,
    role: user.role,
  };
}

const EMERGENCY_PURPOSES = new Set(['EMER', 'ETREAT']);

// The break-glass request of a refresh at the token endpoint: undefined for an ordinary
// request, else {purpose, reason}; throws invalid_request when malformed.
function breakGlassRequest(ctx) {
  const body = ctx.oidc?.body ?? {};
  if (ctx.oidc?.params?.grant_type !== 'refresh_token' || body.purpose_of_use === undefined) {
    return undefined;
  }
  const purpose = String(body.purpose_of_use);
  if (!EMERGENCY_PURPOSES.has(purpose)) {
    throw new errors.InvalidRequest('purpose_of_use must be EMER or ETREAT');
  }
  const reason = String(body.break_glass_reason ?? '').trim();
  if (!reason) throw new errors.InvalidRequest('break_glass_reason required');
  if (reason.length > 500) throw new errors.InvalidRequest('break_glass_reason too long');
  return { purpose, reason };
}

// IHE IUA (ITI-71/72) JWT extension: who, for which organisation, and why.
function iheIua(user, purpose = config.purposeOfUse) {
  return {
    subject_name: user.name,
    subject_organization: user.organisationName,
    subject_organization_id: user.organisation,
    subject_role: { system: 'urn:fenestra:role', code: user.role },
    purpose_of_use: {
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason',
      code: purpose,
    },
  };
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>`
    + `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

const configuration = {
  clients: [{
    client_id: config.clientId,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: config.redirectUris,
    post_logout_redirect_uris: config.postLogoutRedirectUris,
  }],
  jwks: await signingKeys(),
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { methods: ['S256'], required: () => true },
  scopes: ['openid', 'profile', 'offline_access'],
  responseTypes: ['code'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'organisation', 'organisation_name', 'role'],
  },
  // The profile claims in the ID token too, not only at the userinfo endpoint: the client
  // reads the doctor's name, organisation and role from it.
  conformIdTokenClaims: false,
  findAccount: async (ctx, sub) => {
    const user = users.get(sub);
    if (!user) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...profileClaims(user) }) };
  },
  extraTokenClaims: async (ctx, token) => {
    const user = users.get(token.accountId);
    if (!user) return undefined;
    const breakGlass = breakGlassRequest(ctx);
    if (!breakGlass) return { ...profileClaims(user), extensions: { ihe_iua: iheIua(user) } };
    console.log(`break-glass token for ${user.username}`);
    return {
      ...profileClaims(user),
      extensions: { ihe_iua: iheIua(user, breakGlass.purpose) },
      break_glass: { reason: breakGlass.reason, started_at: Math.floor(Date.now() / 1000) },
    };
  },
  // A refresh token for the native client with or without offline_access (offline_access
  // needs prompt=consent, OIDC Core 11; without it the refresh token ends with the session).
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  // Called before the used refresh token is consumed: a malformed break-glass request is
  // refused while the client still holds a valid refresh token.
  rotateRefreshToken: (ctx) => {
    breakGlassRequest(ctx);
    return true;
  },
  ttl: {
    // The resource server's lifetime (a break-glass token's is shorter), else ours.
    AccessToken: (ctx, token) => token.resourceServer?.accessTokenTTL ?? config.accessTokenTtl,
    AuthorizationCode: 60,
    IdToken: config.idTokenTtl,
    RefreshToken: config.refreshTokenTtl,
    Session: config.sessionTtl,
    Grant: config.sessionTtl,
    Interaction: 600,
  },
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        const withButton = form.replace('</form>',
          '<button type="submit" name="logout" value="yes">Sign out</button></form>');
        ctx.body = page('Sign out of Fenestra test provider?', withButton);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Signed out', '<p id="signed-out">You are signed out.</p>');
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (ctx, client, oneOf) => {
        if (oneOf) return oneOf.includes(config.audience) ? config.audience : oneOf[0];
        return config.audience;
      },
      // The code's resource even when openid is asked for: the access token is always the
      // archive's JWT, never an opaque userinfo token.
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resource) => {
        if (!resources.has(resource)) throw new errors.InvalidTarget();
        return {
          scope: 'openid profile',
          audience: resource,
          accessTokenTTL: breakGlassRequest(ctx) ? (config.breakGlassTtl ?? 300)
            : config.accessTokenTtl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    const lines = Object.entries(out).map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`);
    ctx.body = page('Error', `<pre id="error">${lines.join('\n')}</pre>`);
  },
};

const provider = new Provider(issuer, configuration);

// RFC 8252 7.3 for the post-logout redirect too: a loopback URI matches on any port.
const exactPostLogout = provider.Client.prototype.postLogoutRedirectUriAllowed;
provider.Client.prototype.postLogoutRedirectUriAllowed = function allowed(value) {
  if (exactPostLogout.call(this, value)) return true;
  let url;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') return false;
  url.port = '';
  return this.postLogoutRedirectUris.some((uri) => {
    const registered = new URL(uri);
    registered.port = '';
    return registered.href === url.href;
  });
};

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginForm(uid, message) {
  return page('Sign in to Fenestra test provider',
    `${message ? `<p id="login-error">${escapeHtml(message)}</p>` : ''}`
    + `<form id="login" method="post" action="/interaction/${uid}/login">`
    + '<input type="text" name="login" autocomplete="username">'
    + '<input type="password" name="password" autocomplete="current-password">'
    + '<button type="submit">Sign in</button></form>');
}

function consentForm(uid, clientId) {
  return page(`Allow ${clientId} to access your archives?`,
    `<form id="consent" method="post" action="/interaction/${uid}/consent">`
    + '<button type="submit" name="decision" value="grant">Allow</button>'
    + '<button type="submit" name="decision" value="deny">Deny</button></form>');
}

// Everything the consent prompt is missing, granted (scopes, claims, resource scopes).
async function grantConsent(details) {
  const { prompt: { details: missing }, params, session } = details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  return { consent: { grantId: await grant.save() } };
}

// Our login and consent pages: /interaction/<uid>[/login|/consent].
async function interactions(ctx, next) {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(ctx.path);
  if (!match) return next();
  const [, uid, step] = match;
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  if (details.uid !== uid) throw new errors.InvalidRequest('interaction mismatch');
  // The consent result is merged with the login just submitted: with prompt=login, dropping
  // it would ask for the login again.
  const finish = async (result) => {
    ctx.redirect(await provider.interactionResult(ctx.req, ctx.res, result,
      { mergeWithLastSubmission: !result.login }));
  };
  const prompt = details.prompt.name;
  ctx.set('Cache-Control', 'no-store');
  if (ctx.method === 'GET' && !step) {
    if (prompt === 'login') {
      ctx.body = loginForm(uid);
    } else if (prompt === 'consent' && config.consentForm) {
      ctx.body = consentForm(uid, details.params.client_id);
    } else if (prompt === 'consent') {
      await finish(await grantConsent(details));
    } else {
      throw new errors.InvalidRequest(`unexpected prompt ${prompt}`);
    }
    return undefined;
  }
  if (ctx.method !== 'POST' || step !== prompt) return next();
  const form = await formBody(ctx.req);
  if (step === 'login') {
    const user = users.get(form.get('login') ?? '');
    if (!user || user.password !== form.get('password')) {
      console.log('login refused');
      ctx.status = 401;
      ctx.body = loginForm(uid, 'Wrong user name or password.');
      return undefined;
    }
    console.log(`login ${user.username}`);
    await finish({ login: { accountId: user.username } });
  } else if (form.get('decision') === 'grant') {
    await finish(await grantConsent(details));
  } else {
    await finish({ error: 'access_denied', error_description: 'the user denied the request' });
  }
  return undefined;
}

provider.use(interactions);
provider.on('server_error', (ctx, error) => console.log(`server error: ${error.message}`));

const server = createServer(provider.callback());
server.on('error', (error) => {
  console.log(`cannot listen on 127.0.0.1:${config.port}: ${error.code}`);
  process.exit(error.code === 'EADDRINUSE' ? 98 : 1);
});
server.listen(config.port, '127.0.0.1', () => console.log(`fenestra-oidc listening ${issuer}`));

const shutdown = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
