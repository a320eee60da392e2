// The signed-in person and the organisation the library pages work in (GET /v1/me). The choice
// of organisation is remembered per browser; a deep link into another of the caller's
// organisations switches to it (see useOrgFallback).
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from './api';
import { Item } from './library';

export interface Membership {
  id: string;
  slug: string;
  name: string;
  role: string;
  org_membership_id: string | null;
}

export interface Me {
  subject: string;
  organizations: Membership[];
}

interface OrgState {
  me: Me | null;
  org: Membership | null;
  error: Error | null;
  choose: (id: string) => void;
}

const KEY = 'plugsync.org';
const OrgContext = createContext<OrgState>({ me: null, org: null, error: null, choose: () => {} });

export function OrgProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(KEY));

  useEffect(() => {
    let live = true;
    api
      .get<Item<Me>>('/v1/me')
      .then((res) => live && setMe(res.data.item))
      .catch((e: Error) => live && !(e instanceof ApiError && e.status === 401) && setError(e));
    return () => {
      live = false;
    };
  }, []);

  const choose = useCallback((id: string) => {
    localStorage.setItem(KEY, id);
    setChosen(id);
  }, []);

  const org = useMemo(() => {
    const orgs = me?.organizations ?? [];
    return orgs.find((o) => o.id === chosen) ?? orgs[0] ?? null;
  }, [me, chosen]);

  const value = useMemo(() => ({ me, org, error, choose }), [me, org, error, choose]);
  return <OrgContext.Provider value={value}>{children}</OrgContext.Provider>;
}

export function useOrg(): OrgState {
  return useContext(OrgContext);
}

/** The current organisation, for pages rendered only once it is known. */
export function useCurrentOrg(): Membership {
  const { org } = useOrg();
  if (!org) throw new Error('no organisation chosen');
  return org;
}

export const orgBase = (orgId: string) => `/v1/orgs/${encodeURIComponent(orgId)}`;

/**
 * A deep link may name an object of another of the caller's organisations: when `path` (under
 * /v1/orgs/{org}) is a 404 in the current one, look in the others and switch to the one that has
 * it. Answers true while it is looking or has switched, false when nothing else has it.
 */
export function useOrgFallback(notFound: boolean, path: string): boolean {
  const { me, org, choose } = useOrg();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!notFound || !me || !org || done) return;
    let live = true;
    (async () => {
      for (const other of me.organizations) {
        if (other.id === org.id) continue;
        try {
          await api.get(`${orgBase(other.id)}${path}`);
          if (live) choose(other.id);
          return;
        } catch {
          /* not there either */
        }
      }
      if (live) setDone(true);
    })();
    return () => {
      live = false;
    };
  }, [notFound, me, org, path, done, choose]);
  return notFound && !done;
}
