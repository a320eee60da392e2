// Access in the organisation: its teams (owners and admins change them) and its members. Grants
// live on each object, plugin and connector instance ("Access" / "Who can use it" there), with
// "explain access" beside them.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../lib/api';
import { isOrgAdmin, Item, Member, query, Team } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { usePaged } from '../../lib/useLoad';
import { ListStatus, More, PageHead, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';
import { memberLabel } from './principals';

export default function AccessPage() {
  const org = useCurrentOrg();
  const teams = usePaged<Team>(`${orgBase(org.id)}/teams`, 100);
  const [q, setQ] = useState('');
  const members = usePaged<Member>(`${orgBase(org.id)}/members${query({ q: q.trim() })}`, 25);
  const admin = isOrgAdmin(org.role);
  return (
    <section className="panel" aria-labelledby="access-heading">
      <PageHead title={<span id="access-heading">Access</span>}>
        <p className="muted">
          Objects, plugins and connector instances are private to their creator until shared with a member, a team or the whole organisation
          (viewer, editor or manager). Owners and admins manage everything. Each one's <em>Access</em> section lists its grants and explains
          why someone can see it.
        </p>
      </PageHead>
      <h2>Teams</h2>
      {admin && <CreateTeam orgId={org.id} />}
      <ErrorNotice error={teams.error} what="list the teams" />
      <ListStatus items={teams.items} error={teams.error} what="teams" empty="No teams yet." />
      {teams.items && teams.items.length > 0 && (
        <table data-testid="team-list">
          <caption className="visually-hidden">Teams</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">Members</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {teams.items.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link href={`/access/teams/${t.id}`}>{t.name}</Link>
                </td>
                <td>{t.member_count}</td>
                <td>
                  <When at={t.created_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={teams.next} loading={teams.loading} onMore={() => void teams.more()} what="teams" />

      <h2>Members</h2>
      <label>
        Find a member
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="name, subject or email" />
      </label>
      <ErrorNotice error={members.error} what="list the members" />
      {members.items && (
        <table data-testid="member-list">
          <caption className="visually-hidden">Members</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Email</th>
              <th scope="col">Organisation role</th>
            </tr>
          </thead>
          <tbody>
            {members.items.map((m) => (
              <tr key={m.id}>
                <td>{memberLabel(m)}</td>
                <td>{m.email}</td>
                <td>{m.role}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <More next={members.next} loading={members.loading} onMore={() => void members.more()} what="members" />
    </section>
  );
}

function CreateTeam({ orgId }: { orgId: string }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState('');
  const { error, run } = useAction();
  const create = () =>
    run(async () => {
      const res = await api.post<Item<Team>>(`${orgBase(orgId)}/teams`, { name });
      navigate(`/access/teams/${res.data.item.id}`);
    });
  return (
    <form
      className="add-row"
      aria-label="New team"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <Field label="New team" errors={errorsAt(error, '/name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="team-name" />
      </Field>
      <button type="submit" className="primary" disabled={!name.trim()}>
        Create team
      </button>
      <ErrorNotice error={error} what="create the team" />
    </form>
  );
}
