import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ConflictModal } from './ConflictModal';

afterEach(cleanup);

const conflicts = [
  { pointer: '/settings/region', mine: 'us-east-1', theirs: 'eu-central-1' },
  { pointer: '/entities/deal', mine: { primary_key: 'id' }, theirs: undefined },
];

function renderModal(over: Partial<Parameters<typeof ConflictModal>[0]> = {}) {
  const props = {
    baseVersion: 3,
    activeVersion: 4,
    conflicts: null,
    busy: false,
    onReset: vi.fn(),
    onKeepEditing: vi.fn(),
    onRebase: vi.fn(),
    ...over,
  };
  render(<ConflictModal {...props} />);
  return props;
}

describe('ConflictModal', () => {
  it('offers reset, keep editing and rebase for a stale publish', () => {
    const p = renderModal();
    expect(screen.getByRole('dialog').textContent).toContain('based on v3, but v4 is active');
    fireEvent.click(screen.getByRole('button', { name: 'Rebase' }));
    expect(p.onRebase).toHaveBeenCalledWith();
    fireEvent.click(screen.getByRole('button', { name: 'Reset draft' }));
    expect(p.onReset).toHaveBeenCalled();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(p.onKeepEditing).toHaveBeenCalled();
  });

  it('publishes only after a side is picked for every conflicting path', () => {
    const p = renderModal({ conflicts });
    const apply = screen.getByRole('button', { name: 'Apply choices and publish' }) as HTMLButtonElement;
    expect(apply.disabled).toBe(true);
    expect(screen.getByText(/2 left/)).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Conflict at /entities/deal' }).textContent).toContain('(removed)');
    fireEvent.click(screen.getAllByRole('radio', { name: /Mine \(draft\)/ })[0]);
    expect(apply.disabled).toBe(true);
    fireEvent.click(screen.getAllByRole('radio', { name: /Theirs \(v4\)/ })[1]);
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    expect(p.onRebase).toHaveBeenCalledWith({ '/settings/region': 'draft', '/entities/deal': 'active' });
  });
});
