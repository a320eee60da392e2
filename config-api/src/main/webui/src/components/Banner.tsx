import { Draft, DraftChange } from '../lib/model';
import { ago } from '../lib/format';

interface Props {
  draft: Draft;
  lastChange: DraftChange | null;
  onReview: () => void;
  onPublish: () => void;
  canEdit: boolean;
}

/** "Unpublished changes": who changed the draft last, from which writer, and how stale it is. */
export function Banner({ draft, lastChange, onReview, onPublish, canEdit }: Props) {
  if (!draft.has_unpublished_changes) return null;
  const who = lastChange?.actor ?? draft.updated_by;
  const kind = lastChange?.writer_kind ?? draft.updated_by_kind;
  const when = lastChange?.created_at ?? draft.updated_at;
  const stale = draft.base_version !== draft.active_version;
  return (
    <section className="banner" role="status" aria-label="Unpublished changes" data-testid="unpublished-banner">
      <div>
        <strong>Unpublished changes</strong>
        <span className="banner-detail">
          {' '}
          Last change by <span data-testid="banner-actor">{who}</span>
          {kind && (
            <>
              {' '}
              via <span className="tag" data-testid="banner-writer">{kind}</span>
            </>
          )}{' '}
          {ago(when)}.
          {draft.restored_from_version ? (
            <span data-testid="banner-restored"> Restored from v{draft.restored_from_version}.</span>
          ) : null}
          {stale && (
            <span className="stale" data-testid="banner-stale">
              {' '}
              Based on v{draft.base_version}, active is v{draft.active_version}.
            </span>
          )}
        </span>
      </div>
      <div className="banner-actions">
        <button type="button" onClick={onReview}>
          Review changes
        </button>
        <button type="button" className="primary" onClick={onPublish} disabled={!canEdit}>
          Publish
        </button>
      </div>
    </section>
  );
}
