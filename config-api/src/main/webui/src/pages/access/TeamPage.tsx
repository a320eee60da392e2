// One team: its members (owners and admins add and remove them), rename and delete.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../lib/api';
import { isOrgAdmin, Team } from '../../lib/library';
import { orgBase, useCurrentOrg } from '../../lib/org';
import { useAction } from '../../lib/useAction';
import { useLoad } from '../../lib/useLoad';
import { Loading, PageHead, ReadOnlyNote, When } from '../../ui/bits';
import { Field } from '../../ui/Field';
import { errorsAt, ErrorNotice } from '../../ui/Problem';
import { Modal } from '../../components/Modal';
import { MemberPicker } from './principals';

export default function TeamPage({ id }: { id: string }) {
  const org = useCurrentOrg();
  const base = `${orgBase(org.id)}/teams/${id}`;
  const team = useLoad<Team>(base);
  const [, navigate] = useLocation();
  const { error, run } = useAction();
  const [name, setName] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const admin = isOrgAdmin(org.role);

  if (team.error) {
    return (
      <section className="panel">
        <PageHead title="Team" crumbs={<Link href="/access">Access</Link>} />
        <ErrorNotice error={team.error} what="open this team" />
      </section>
    );
  }
  const t = team.data;
  if (!t) return <Loading what="the team" />;
  const act = (what: () => Promise<unknown>, after: () => unknown = team.reload) => run(what, after);
  const members = t.members ?? [];
  return (
    <section className="panel" aria-labelledby="team-heading">
      <PageHead
        title={<span id="team-heading">Team {t.name}</span>}
        crumbs={<Link href="/access">Access</Link>}
        actions={
          admin && (
            <>
              <button type="button" onClick={() => setName(t.name)}>
                Rename
              </button>
              <button type="button" className="danger" onClick={() => setDeleting(true)}>
                Delete team
              </button>
            </>
          )
        }
      >
        <p className="muted">
          {t.member_count} member{t.member_count === 1 ? '' : 's'}; created <When at={t.created_at} />.
        </p>
      </PageHead>
      {!admin && <ReadOnlyNote>Only organisation owners and admins change teams.</ReadOnlyNote>}
      <ErrorNotice error={error} what="change the team" />
      {name !== null && (
        <form
          className="add-row"
          aria-label="Rename the team"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () => api.patch(base, { name }, { contentType: 'application/json' }),
              () => {
                setName(null);
                return team.reload();
              },
            );
          }}
        >
          <Field label="Name" errors={errorsAt(error, '/name')}>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setName(null)}>
            Cancel
          </button>
        </form>
      )}
      {members.length === 0 ? (
        <p className="muted">No members.</p>
      ) : (
        <table data-testid="team-members">
          <caption className="visually-hidden">Team members</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Organisation role</th>
              <th scope="col">In the team since</th>
              {admin && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.org_membership_id}>
                <td>{m.display_name || m.subject}</td>
                <td>{m.org_role}</td>
                <td>
                  <When at={m.added_at} />
                </td>
                {admin && (
                  <td>
                    <button type="button" className="danger" onClick={() => void act(() => api.del(`${base}/members/${m.org_membership_id}`))}>
                      Remove {m.display_name || m.subject}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <MemberPicker
          orgId={org.id}
          label="Add a member"
          exclude={members.map((m) => m.org_membership_id)}
          onPick={(m) => void act(() => api.put(`${base}/members/${m.id}`, {}))}
          testId="team-add-member"
        />
      )}
      {deleting && (
        <Modal
          title={`Delete team ${t.name}?`}
          onClose={() => setDeleting(false)}
          footer={
            <>
              <button type="button" onClick={() => setDeleting(false)}>
                Cancel
              </button>
              <button type="button" className="danger" onClick={() => void act(() => api.del(base), () => navigate('/access'))}>
                Delete
              </button>
            </>
          }
        >
          <p>Its members leave the team and every grant to the team is revoked. Nobody's own grants change.</p>
        </Modal>
      )}
    </section>
  );
}
