// Who has access to one config object, plugin or connector instance: its creator, its grants
// (member, team or org-wide, each with a role), adding and revoking them (managers), and "explain
// access": every reason a chosen member has the role it has.
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../lib/api';
import { AccessExplanation, AccessReason, Grant, Member, Role } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad, usePaged } from '../../lib/useLoad';
import { ListStatus, Loading, When } from '../../ui/bits';
import { ErrorNotice } from '../../ui/Problem';
import { MemberName, MemberPicker, memberLabel, useTeams } from './principals';

export type GrantKind = 'config-objects' | 'plugins' | 'connector-instances';

const LABEL: Record<GrantKind, string> = {
  'config-objects': 'object',
  plugins: 'plugin',
  'connector-instances': 'connector instance',
};

interface Props {
  orgId: string;
  kind: GrantKind;
  id: string;
  canManage: boolean;
  createdBy: string | null;
}

export function GrantsPanel({ orgId, kind, id, canManage, createdBy }: Props) {
  const base = `${orgBase(orgId)}/${kind}/${id}/grants`;
  const grants = usePaged<Grant>(base, 100);
  const teams = useTeams(orgId);
  const { error, run } = useAction();
  const teamName = (teamId: string | null) => teams?.find((t) => t.id === teamId)?.name ?? 'a deleted team';

  const revoke = (g: Grant) => run(() => api.del(`${base}/${g.id}`), grants.reload);

  return (
    <div className="access" data-testid="grants-panel">
      <h2>Who has access</h2>
      <p>
        Created by <MemberName orgId={orgId} id={createdBy} /> (manager). Organisation owners and admins manage every {LABEL[kind]}.
        {kind === 'plugins' && ' Everyone who can use this plugin can read the objects in it.'}
      </p>
      <ErrorNotice error={grants.error ?? error} what="change access" />
      <ListStatus items={grants.items} error={grants.error} what="grants" empty="No grants: only its creator and the organisation admins see it." />
      {grants.items && grants.items.length > 0 && (
        <table data-testid="grant-list">
          <caption className="visually-hidden">Grants</caption>
          <thead>
            <tr>
              <th scope="col">Granted to</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {grants.items.map((g) => (
              <tr key={g.id}>
                <td>
                  {g.principal_type === 'member' && <MemberName orgId={orgId} id={g.org_membership_id} />}
                  {g.principal_type === 'team' && (
                    <>
                      team <Link href={`/access/teams/${g.team_id}`}>{teamName(g.team_id)}</Link>
                    </>
                  )}
                  {g.principal_type === 'org_wide' && 'everyone in the organisation'}
                </td>
                <td>{g.role}</td>
                <td>
                  <When at={g.created_at} />
                </td>
                {canManage && (
                  <td>
                    <button type="button" className="danger" onClick={() => void revoke(g)}>
                      Revoke
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && <AddGrant base={base} orgId={orgId} onDone={() => void grants.reload()} />}
      <ExplainPanel orgId={orgId} kind={kind} id={id} />
    </div>
  );
}

function AddGrant({ base, orgId, onDone }: { base: string; orgId: string; onDone: () => void }) {
  const [to, setTo] = useState<'member' | 'team' | 'org_wide'>('member');
  const [member, setMember] = useState<Member | null>(null);
  const [team, setTeam] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const { error, run } = useAction();
  const teams = useTeams(orgId);

  const grant = () => {
    const principal =
      to === 'member' ? { org_membership_id: member?.id } : to === 'team' ? { team_id: team || undefined } : { org_wide: true };
    return run(
      () => api.post(base, { ...principal, role }),
      () => {
        setMember(null);
        onDone();
      },
    );
  };

  return (
    <form
      className="add-grant"
      aria-label="Grant access"
      onSubmit={(e) => {
        e.preventDefault();
        void grant();
      }}
    >
      <h3>Grant access</h3>
      <div className="add-row">
        <label>
          To
          <select value={to} onChange={(e) => setTo(e.target.value as typeof to)} data-testid="grant-to">
            <option value="member">a member</option>
            <option value="team">a team</option>
            <option value="org_wide">everyone in the organisation</option>
          </select>
        </label>
        {to === 'team' && (
          <label>
            Team
            <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="grant-team">
              <option value="">choose a team</option>
              {(teams ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Role
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="grant-role">
            <option value="viewer">viewer</option>
            <option value="editor">editor</option>
            <option value="manager">manager</option>
          </select>
        </label>
        <button type="submit" className="primary" disabled={(to === 'member' && !member) || (to === 'team' && !team)}>
          Grant
        </button>
      </div>
      {to === 'member' &&
        (member ? (
          <p>
            Member: <strong>{memberLabel(member)}</strong>{' '}
            <button type="button" className="ghost" onClick={() => setMember(null)}>
              change
            </button>
          </p>
        ) : (
          <MemberPicker orgId={orgId} label="Find a member" onPick={setMember} testId="grant-member" />
        ))}
      <ErrorNotice error={error} what="grant access" />
    </form>
  );
}

/** Why a member has the role it has here (the same sources the API's access check takes). */
export function ExplainPanel({ orgId, kind, id }: { orgId: string; kind: GrantKind; id: string }) {
  const [member, setMember] = useState<Member | null>(null);
  const explained = useLoad<AccessExplanation>(
    member ? `${orgBase(orgId)}/${kind}/${id}/grants/explain?org_membership_id=${member.id}` : null,
  );
  const e = explained.data;
  return (
    <section className="explain" aria-labelledby={`explain-${id}`} data-testid="explain-access">
      <h2 id={`explain-${id}`}>Explain access</h2>
      {!member ? (
        <MemberPicker orgId={orgId} label="Why can this member see it?" onPick={setMember} testId="explain-member" />
      ) : (
        <>
          <p>
            <strong>{memberLabel(member)}</strong>{' '}
            <button type="button" className="ghost" onClick={() => setMember(null)}>
              ask about someone else
            </button>
          </p>
          <ErrorNotice error={explained.error} what="explain access" />
          {!e && !explained.error && <Loading what="the explanation" />}
          {e && (
            <div data-testid="explanation">
              <p className="verdict">
                {e.role ? (
                  <>
                    Has <strong>{e.role}</strong> access to this {LABEL[kind]}.
                  </>
                ) : (
                  <>Has no access to this {LABEL[kind]}: it does not exist for them.</>
                )}{' '}
                <span className="muted">Organisation role: {e.org_role}.</span>
              </p>
              {e.reasons.length > 0 && (
                <ol className="reasons">
                  {e.reasons.map((r, i) => (
                    <li key={i}>
                      <Reason reason={r} />
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Reason({ reason: r }: { reason: AccessReason }) {
  switch (r.via) {
    case 'org_role':
      return <>manager: organisation owners and admins manage everything</>;
    case 'creator':
      return <>manager: created it</>;
    case 'member_grant':
      return <>{r.role}: granted to them directly</>;
    case 'team_grant':
      return (
        <>
          {r.role}: granted to team <Link href={`/access/teams/${r.team_id}`}>{r.team_name}</Link>, which they are in
        </>
      );
    case 'org_wide_grant':
      return <>{r.role}: granted to everyone in the organisation</>;
    case 'plugin':
      return (
        <>
          viewer: they can use plugin <Link href={`/plugins/${r.plugin_id}`}>{r.plugin_name}</Link>, which holds it
        </>
      );
    default:
      return <>{r.role}</>;
  }
}
