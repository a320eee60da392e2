// Names of the principals grants and teams point at (members by id, teams), and a member search.
import { useEffect, useId, useState } from 'react';
import { api } from '../../lib/api';
import { Item, Member, query, Team } from '../../lib/library';
import { Page } from '../../lib/model';
import { orgBase } from '../../lib/org';

const names = new Map<string, Promise<Member | null>>();

/** One member's row (cached for the page's life; null when it is gone). */
function member(orgId: string, id: string): Promise<Member | null> {
  const key = `${orgId}/${id}`;
  if (!names.has(key)) {
    names.set(
      key,
      api
        .get<Item<Member>>(`${orgBase(orgId)}/members/${id}`)
        .then((r) => r.data.item)
        .catch(() => null),
    );
  }
  return names.get(key)!;
}

export const memberLabel = (m: Pick<Member, 'display_name' | 'subject'>) => m.display_name || m.subject;

/** A member's display name (or subject) by id. */
export function MemberName({ orgId, id }: { orgId: string; id: string | null }) {
  const [m, setM] = useState<Member | null | undefined>(undefined);
  useEffect(() => {
    if (!id) return;
    let live = true;
    void member(orgId, id).then((found) => live && setM(found));
    return () => {
      live = false;
    };
  }, [orgId, id]);
  if (!id) return <span className="muted">nobody</span>;
  if (m === undefined) return <span className="muted">…</span>;
  return <span>{m ? memberLabel(m) : 'a former member'}</span>;
}

/** The organisation's live teams (every member may read them). */
export function useTeams(orgId: string): Team[] | null {
  const [teams, setTeams] = useState<Team[] | null>(null);
  useEffect(() => {
    let live = true;
    api
      .get<Page<Team>>(`${orgBase(orgId)}/teams?limit=200`)
      .then((r) => live && setTeams(r.data.items))
      .catch(() => live && setTeams([]));
    return () => {
      live = false;
    };
  }, [orgId]);
  return teams;
}

/** Search the organisation's members by name, subject or email and pick one. */
export function MemberPicker({
  orgId,
  label,
  onPick,
  exclude = [],
  testId,
}: {
  orgId: string;
  label: string;
  onPick: (m: Member) => void;
  exclude?: string[];
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Member[]>([]);
  const id = useId();
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<Page<Member>>(`${orgBase(orgId)}/members${query({ q: q.trim(), limit: 8 })}`)
        .then((r) => live && setFound(r.data.items))
        .catch(() => live && setFound([]));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orgId, q]);
  const shown = found.filter((m) => !exclude.includes(m.id));
  return (
    <div className="picker" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="name, subject or email" />
      <ul className="pick-list" aria-label={`${label}: matches`}>
        {shown.map((m) => (
          <li key={m.id}>
            <button type="button" className="ghost" onClick={() => onPick(m)}>
              {memberLabel(m)} <span className="muted small">({m.role})</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted small">No member matches.</li>}
      </ul>
    </div>
  );
}
