import { Modal } from './Modal';
import { DiffView } from './DiffView';
import { diffDocuments } from '../lib/diff';
import { Draft, Version } from '../lib/model';

interface Props {
  draft: Draft;
  active: Version | null;
  canEdit: boolean;
  onClose: () => void;
  onPublish: () => void;
}

/** The diff between the draft and the active version. */
export function ReviewModal({ draft, active, canEdit, onClose, onPublish }: Props) {
  const diff = diffDocuments(active?.document, draft.document);
  const activeLabel = active ? `Active v${active.version}` : 'Nothing published';
  return (
    <Modal
      title="Review changes"
      onClose={onClose}
      wide
      testId="review-modal"
      footer={
        <>
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" className="primary" onClick={onPublish} disabled={!canEdit || diff.identical}>
            Publish…
          </button>
        </>
      }
    >
      <p>
        Draft (based on v{draft.base_version}) compared with {activeLabel.toLowerCase()}.
      </p>
      <DiffView diff={diff} leftLabel={activeLabel} rightLabel="Draft" />
    </Modal>
  );
}
