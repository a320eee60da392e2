import { useId, useState } from 'react';
import { Modal } from './Modal';

interface Props {
  baseVersion: number;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (message: string) => void;
}

export function PublishModal({ baseVersion, busy, onCancel, onConfirm }: Props) {
  const [message, setMessage] = useState('');
  const id = useId();
  return (
    <Modal
      title="Publish draft"
      onClose={onCancel}
      testId="publish-modal"
      footer={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={busy}>
            Publish
          </button>
        </>
      }
    >
      <form
        id={`${id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(message.trim());
        }}
      >
        <p>Publishes the draft on top of v{baseVersion}. Workers pick the new version up from the replica.</p>
        <label htmlFor={id}>Message (optional)</label>
        <input id={id} data-autofocus value={message} onChange={(e) => setMessage(e.target.value)} />
      </form>
    </Modal>
  );
}
