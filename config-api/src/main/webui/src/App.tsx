import { lazy, ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useRoute, useSearch } from 'wouter';
import { ApiError, NetworkError, onApiHealth } from './lib/api';
import { currentToken, oidcSettings, rememberPage, signOut, startOidcSignIn } from './lib/auth';
import { OrgProvider, useOrg } from './lib/org';
import { ConnectorList } from './components/ConnectorList';
import { Loading } from './ui/bits';
import { ErrorNotice } from './ui/Problem';

// Every page is a path (bookmarkable; back and forward work). The server answers index.html for
// them (Quinoa SPA routing) and keeps /api, /v1, /q and /mcp for the API. The connector workspace
// and the library pages load on demand, so the first page stays small.
const Workspace = lazy(() => import('./components/Workspace').then((m) => ({ default: m.Workspace })));
const LibraryPage = lazy(() => import('./pages/library/LibraryPage'));
const ObjectCreatePage = lazy(() => import('./pages/library/ObjectCreatePage'));
const ObjectPage = lazy(() => import('./pages/library/ObjectPage'));
const PluginsPage = lazy(() => import('./pages/plugins/PluginsPage'));
const PluginPage = lazy(() => import('./pages/plugins/PluginPage'));
const AccessPage = lazy(() => import('./pages/access/AccessPage'));
const TeamPage = lazy(() => import('./pages/access/TeamPage'));
const SourcesPage = lazy(() => import('./pages/sources/SourcesPage'));
const InstancePage = lazy(() => import('./pages/sources/InstancePage'));
const SyncEventPage = lazy(() => import('./pages/sources/SyncEventPage'));

const SECTIONS = [
  { href: '/connectors', label: 'Connectors' },
  { href: '/library', label: 'Library' },
  { href: '/plugins', label: 'Plugins' },
  { href: '/access', label: 'Access' },
  { href: '/sources', label: 'GitHub sources' },
];

export function App() {
  const [token, setToken] = useState(currentToken());
  const [expired, setExpired] = useState(false);
  const [offline, setOffline] = useState(false);

  useEffect(() => {
    if (!token) rememberPage();
  }, [token]);
  useEffect(
    () =>
      onApiHealth((e) => {
        setOffline(e instanceof NetworkError);
        if (e instanceof ApiError && e.status === 401) setExpired(true);
      }),
    [],
  );

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

  const shell = (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">PlugSync</span>
        {token && (
          <nav className="sections" aria-label="Sections">
            {SECTIONS.map((s) => (
              <SectionLink key={s.href} {...s} />
            ))}
          </nav>
        )}
        <div className="topbar-right">
          {token && <OrgSwitcher />}
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
        </div>
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
        ) : (
          <Suspense fallback={<Loading what="page" />}>
            <Pages />
          </Suspense>
        )}
      </main>
    </>
  );
  return token ? <OrgProvider>{shell}</OrgProvider> : shell;
}

function SectionLink({ href, label }: { href: string; label: string }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const active = exact || nested;
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined}>
      {label}
    </Link>
  );
}

function OrgSwitcher() {
  const { me, org, choose } = useOrg();
  if (!me || !org) return null;
  if (me.organizations.length < 2) return <span className="org-name">{org.name}</span>;
  return (
    <label className="org-switch">
      <span className="visually-hidden">Organisation</span>
      <select value={org.id} onChange={(e) => choose(e.target.value)} data-testid="org-switch">
        {me.organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Pages() {
  const [location, navigate] = useLocation();
  const first = useRef(true);
  // a new page moves focus to the page (screen readers announce it; Tab starts at its top)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location]);

  return (
    <Switch>
      <Route path="/">
        <Home />
      </Route>
      <Route path="/connectors">
        <ConnectorList onOpen={(id) => navigate(`/connectors/${encodeURIComponent(id)}`)} />
      </Route>
      <Route path="/connectors/:id">
        {(p) => <Workspace key={p.id} id={p.id} onBack={() => navigate('/connectors')} />}
      </Route>
      <Route path="/library">{inOrg(<LibraryPage />)}</Route>
      <Route path="/library/new">{inOrg(<ObjectCreatePage />)}</Route>
      <Route path="/library/objects/:id/:tab?">{(p) => inOrg(<ObjectPage key={p.id} id={p.id} tab={p.tab} />)}</Route>
      <Route path="/plugins">{inOrg(<PluginsPage />)}</Route>
      <Route path="/plugins/:id/:tab?">{(p) => inOrg(<PluginPage key={p.id} id={p.id} tab={p.tab} />)}</Route>
      <Route path="/access">{inOrg(<AccessPage />)}</Route>
      <Route path="/access/teams/:id">{(p) => inOrg(<TeamPage key={p.id} id={p.id} />)}</Route>
      <Route path="/sources">{inOrg(<SourcesPage />)}</Route>
      <Route path="/sources/instances/:id/:tab?">{(p) => inOrg(<InstancePage key={p.id} id={p.id} tab={p.tab} />)}</Route>
      <Route path="/sources/syncs/:id">{(p) => inOrg(<SyncEventPage key={p.id} id={p.id} />)}</Route>
      <Route>
        <section className="panel">
          <h1>Page not found</h1>
          <p>
            <Link href="/connectors">Go to the connectors</Link>
          </p>
        </section>
      </Route>
    </Switch>
  );
}

/** `/` opens the connectors; the old `/?connector=<id>` links still open that connector. */
function Home() {
  const connector = new URLSearchParams(useSearch()).get('connector');
  return <Redirect to={connector ? `/connectors/${encodeURIComponent(connector)}` : '/connectors'} replace />;
}

/** Library pages work in the current organisation: wait for it. */
function inOrg(page: ReactNode) {
  return <WithOrg>{page}</WithOrg>;
}

function WithOrg({ children }: { children: ReactNode }) {
  const { me, org: current, error } = useOrg();
  if (error) return <ErrorNotice error={error} what="load your organisations" />;
  if (!me) return <Loading what="your organisations" />;
  if (!current)
    return (
      <section className="panel">
        <h1>No organisation</h1>
        <p>Your sign-in does not name any organisation of this PlugSync.</p>
      </section>
    );
  return <>{children}</>;
}
