import { useEffect, useState } from 'react';
import { ApiError, NetworkError, onApiHealth } from './lib/api';
import { currentToken, oidcSettings, signOut, startOidcSignIn } from './lib/auth';
import { ConnectorList } from './components/ConnectorList';
import { Workspace } from './components/Workspace';

// Routes live in the query string (/?connector=<id>): the server answers / for every screen,
// and /api stays entirely the API's.
function routeId(): string | null {
  return new URLSearchParams(window.location.search).get('connector');
}

export function App() {
  const [connectorId, setConnectorId] = useState<string | null>(routeId());
  const [token, setToken] = useState(currentToken());
  const [expired, setExpired] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    const onPop = () => setConnectorId(routeId());
    window.addEventListener('popstate', onPop);
    const off = onApiHealth((e) => {
      setOffline(e instanceof NetworkError);
      if (e instanceof ApiError && e.status === 401) setExpired(true);
    });
    return () => {
      window.removeEventListener('popstate', onPop);
      off();
    };
  }, []);

  const go = (id: string | null) => {
    window.history.pushState(null, '', id ? `/?connector=${encodeURIComponent(id)}` : '/');
    setConnectorId(id);
  };

  const oidc = oidcSettings();
  const signIn = oidc ? (
    <button type="button" className="primary" onClick={() => void startOidcSignIn(oidc)}>
      Sign in
    </button>
  ) : (
    <p>
      Open the dashboard link that <code>./plugsync local</code> prints (<code>DASHBOARD_URL</code> in{' '}
      <code>.plugsync/local.env</code>).
    </p>
  );

  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">PlugSync</span>
        {token && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              signOut();
              setToken(null);
            }}
          >
            Sign out
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {offline && (
          <div className="notice error" role="alert" data-testid="offline">
            Connection to PlugSync lost. Retrying… your unsaved edits stay in the editors.
          </div>
        )}
        {expired && (
          <div className="notice error" role="alert" data-testid="expired">
            <span>Your sign-in has expired. Sign in again to continue.</span> {signIn}
          </div>
        )}
        {!token ? (
          <section className="panel">
            <h1>Sign in to PlugSync</h1>
            {signIn}
          </section>
        ) : connectorId ? (
          <Workspace key={connectorId} id={connectorId} onBack={() => go(null)} />
        ) : (
          <ConnectorList onOpen={go} />
        )}
      </main>
    </>
  );
}
