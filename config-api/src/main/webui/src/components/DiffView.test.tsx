import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { DiffView } from './DiffView';
import { diffDocuments } from '../lib/diff';

afterEach(cleanup);

describe('DiffView', () => {
  it('renders the per-section summary and a side-by-side table per changed item', () => {
    const diff = diffDocuments(
      { entities: { contact: { primary_key: 'email' } }, event_flows: {}, settings: { region: 'eu-west-1' } },
      { entities: { contact: { primary_key: 'id' } }, event_flows: { 'hubspot/deal.created': { entity: 'deal' } }, settings: { region: 'eu-west-1' } },
    );
    render(<DiffView diff={diff} leftLabel="Active v4" rightLabel="Draft" />);
    const summary = screen.getByRole('list', { name: 'Summary of changes' });
    expect(within(summary).getByText(/Entities/).parentElement?.textContent).toBe('Entities: 1 changed');
    expect(within(summary).getByText(/Event flows/).parentElement?.textContent).toBe('Event flows: 1 added');
    expect(within(summary).getByText(/Settings/).parentElement?.textContent).toBe('Settings: no changes');

    const entity = screen.getByRole('region', { name: 'Entities › contact (changed)' });
    expect(within(entity).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Active v4', 'Draft']);
    const modified = entity.querySelector('tr.modified')!;
    expect(modified.querySelector('.left')!.textContent).toBe('  "primary_key": "email"');
    expect(modified.querySelector('.right')!.textContent).toBe('  "primary_key": "id"');

    const flow = screen.getByRole('region', { name: 'Event flows › hubspot/deal.created (added)' });
    expect(flow.querySelectorAll('tr.added')).toHaveLength(3);
    expect(flow.querySelectorAll('td.left code')).toHaveLength(0);
  });

  it('says so when nothing differs', () => {
    const doc = { entities: {}, event_flows: {}, settings: { a: 1 } };
    render(<DiffView diff={diffDocuments(doc, doc)} leftLabel="a" rightLabel="b" />);
    expect(screen.getByText('No differences.')).toBeTruthy();
  });
});
