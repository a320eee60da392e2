// Sign-in: a bearer token from the URL fragment (#token=..., the link `./plugsync local`
// prints) or from an OpenID Connect authorization-code + PKCE flow against the issuer
// configured at build time (VITE_OIDC_ISSUER, VITE_OIDC_CLIENT_ID, VITE_OIDC_SCOPE).
// The token lives in sessionStorage only: closing the tab signs out.
const KEY = 'plugsync.token';
const PKCE_KEY = 'plugsync.pkce';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

export function oidcSettings(): OidcSettings | null {
  const env = import.meta.env;
  const issuer = env.VITE_OIDC_ISSUER as string | undefined;
  const clientId = env.VITE_OIDC_CLIENT_ID as string | undefined;
  if (!issuer || !clientId) return null;
  return { issuer: issuer.replace(/\/$/, ''), clientId, scope: (env.VITE_OIDC_SCOPE as string) || 'openid' };
}

const RETURN_KEY = 'plugsync.return-to';

/**
 * Moves a `#token=` fragment into sessionStorage and removes it from the address bar; answers
 * whether there was one. Signing in at `/` (the link `./plugsync local` prints) goes back to the
 * page this tab was asked for before it had a token (see rememberPage).
 */
export function captureTokenFromFragment(loc: Location = window.location): boolean {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (!token) return false;
  sessionStorage.setItem(KEY, token);
  params.delete('token');
  const rest = params.toString();
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  const path = loc.pathname === '/' && back ? back : loc.pathname + loc.search;
  window.history.replaceState(null, '', path + (rest ? `#${rest}` : ''));
  return true;
}

/** Remembers the page asked for while signed out, to open it after signing in. */
export function rememberPage(loc: Location = window.location): void {
  if (loc.pathname !== '/' && loc.pathname.startsWith('/')) sessionStorage.setItem(RETURN_KEY, loc.pathname + loc.search);
}

export function currentToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

export interface TokenClaims {
  sub?: string;
  exp?: number;
  orgs?: Record<string, string>;
}

/** Reads the claims for display decisions only; the API verifies the token. */
export function claims(token: string | null): TokenClaims {
  if (!token) return {};
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='))) as TokenClaims;
  } catch {
    return {};
  }
}

const RANK: Record<string, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export function canEdit(token: string | null, organizationId: string): boolean {
  const role = claims(token).orgs?.[organizationId];
  return role !== undefined && (RANK[role] ?? -1) >= RANK.editor;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discovery(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string }> {
  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  if (!res.ok) throw new Error(`OpenID discovery failed: ${res.status}`);
  return res.json();
}

/** Starts the authorization-code + PKCE redirect. */
export async function startOidcSignIn(settings: OidcSettings): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  // the page to come back to: a deep link survives the sign-in round trip
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, path: window.location.pathname + window.location.search }));
  const meta = await discovery(settings.issuer);
  const url = new URL(meta.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: `${window.location.origin}/`,
    scope: settings.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Completes the redirect (`?code=&state=`) by exchanging the code for an access token. */
export async function completeOidcSignIn(settings: OidcSettings | null): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(PKCE_KEY);
  if (!settings || !code || !saved) return;
  sessionStorage.removeItem(PKCE_KEY);
  const { verifier, state, path } = JSON.parse(saved) as { verifier: string; state: string; path: string };
  if (params.get('state') !== state) throw new Error('sign-in state mismatch, try again');
  const meta = await discovery(settings.issuer);
  const res = await fetch(meta.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: `${window.location.origin}/`,
      client_id: settings.clientId,
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error(`token exchange failed: ${res.status}`);
  const body = (await res.json()) as { access_token: string };
  sessionStorage.setItem(KEY, body.access_token);
  window.history.replaceState(null, '', path || '/');
}
