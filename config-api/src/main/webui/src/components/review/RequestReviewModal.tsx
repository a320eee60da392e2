import { useId, useState } from 'react';
import { Modal } from '../Modal';

interface Props {
  busy: boolean;
  onCancel: () => void;
  onConfirm: (summary: string) => void;
}

/** Asks for the summary a review request carries: what changed and why. */
export function RequestReviewModal({ busy, onCancel, onConfirm }: Props) {
  const [summary, setSummary] = useState('');
  const id = useId();
  return (
    <Modal
      title="Request review"
      onClose={onCancel}
      testId="request-review-modal"
      footer={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy || !summary.trim()}>
            Request review
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          if (summary.trim()) onConfirm(summary.trim());
        }}
      >
        <p>Reviewers see the draft as it is now and its diff against the active version. Any later edit resets their approvals.</p>
        <label htmlFor={id}>What changed and why</label>
        <textarea id={id} data-autofocus rows={3} maxLength={4000} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </form>
    </Modal>
  );
}
