// Small pieces every library page uses.
import { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { ago } from '../lib/format';

/** A relative time with the exact one on hover. */
export function When({ at }: { at: string | null | undefined }) {
  if (!at) return <span className="muted">never</span>;
  return (
    <time dateTime={at} title={new Date(at).toLocaleString()}>
      {ago(at)}
    </time>
  );
}

const TONES: Record<string, string> = {
  active: 'ok',
  completed: 'ok',
  ok: 'ok',
  queued: 'warn',
  running: 'warn',
  needs_confirmation: 'warn',
  completed_with_errors: 'warn',
  paused: 'warn',
  suspended: 'warn',
  disconnected: 'warn',
  failed: 'error',
  ingestion_error: 'error',
  deleted: 'error',
};

/** A status as a coloured tag (neutral for archived, inactive, retired, cancelled ...). */
export function StatusTag({ status }: { status: string }) {
  return <span className={`tag ${TONES[status] ?? ''}`}>{status.replace(/_/g, ' ')}</span>;
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** "More" under a paged list. */
export function More({ next, loading, onMore, what }: { next: string | null; loading: boolean; onMore: () => void; what: string }) {
  if (!next) return null;
  return (
    <button type="button" onClick={onMore} disabled={loading}>
      {loading ? 'Loading…' : `More ${what}`}
    </button>
  );
}

export interface TabDef {
  href: string;
  label: string;
}

/** Page sections as links (each is a path: bookmarkable, back/forward work). */
export function TabLinks({ tabs, label }: { tabs: TabDef[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <TabLink key={t.href} {...t} />
      ))}
    </nav>
  );
}

function TabLink({ href, label }: TabDef) {
  const [active] = useRoute(href);
  return (
    <Link href={href} className={active ? 'tab active' : 'tab'} aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

export function PageHead({ title, crumbs, actions, children }: { title: ReactNode; crumbs?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        {crumbs && <p className="crumbs">{crumbs}</p>}
        <h1>{title}</h1>
        {children}
      </div>
      {actions && <div className="row-actions">{actions}</div>}
    </div>
  );
}

/** A definition list of label -> value pairs (empty values left out). */
export function Facts({ facts, testId }: { facts: Array<[string, ReactNode]>; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {facts
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ReadOnlyNote({ children }: { children: ReactNode }) {
  return (
    <p className="notice info" data-testid="read-only">
      {children}
    </p>
  );
}

/** What an action just did ("Resync queued."), announced politely. */
export function DoneNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice info" role="status">
      {message}
    </p>
  );
}

/** "Loading …" until a list's first page arrives, then `empty` when it has nothing. */
export function ListStatus({ items, error, what, empty }: { items: unknown[] | null; error: unknown; what: string; empty: ReactNode }) {
  if (error) return null;
  if (items === null) return <Loading what={what} />;
  return items.length === 0 ? <p className="muted">{empty}</p> : null;
}
