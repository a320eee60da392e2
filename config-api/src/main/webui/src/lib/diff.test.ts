import { describe, expect, it } from 'vitest';
import { diffDocuments, sideBySide } from './diff';

const active = {
  entities: { contact: { primary_key: 'email' }, company: { primary_key: 'domain' } },
  event_flows: { 'hubspot/contact.created': { entity: 'contact', action: 'upsert' } },
  settings: { region: 'eu-west-1', sync_interval_seconds: 300 },
};

describe('diffDocuments', () => {
  it('summarises added, removed and changed items per section', () => {
    const draft = {
      entities: { contact: { primary_key: 'id' }, deal: { primary_key: 'id' } },
      event_flows: { 'hubspot/contact.created': { action: 'upsert', entity: 'contact' } },
      settings: { region: 'eu-west-1', sync_interval_seconds: 60 },
    };
    const d = diffDocuments(active, draft);
    expect(d.summary.entities).toEqual({ added: ['deal'], removed: ['company'], changed: ['contact'] });
    // key order alone is not a change
    expect(d.summary.event_flows).toEqual({ added: [], removed: [], changed: [] });
    expect(d.summary.settings.changed).toEqual(['sync_interval_seconds']);
    expect(d.changes.map((c) => `${c.section}/${c.key}:${c.kind}`)).toEqual([
      'entities/company:removed',
      'entities/contact:changed',
      'entities/deal:added',
      'settings/sync_interval_seconds:changed',
    ]);
    expect(d.identical).toBe(false);
  });

  it('treats a missing document as empty', () => {
    const d = diffDocuments(null, active);
    expect(d.summary.entities.added).toEqual(['company', 'contact']);
    expect(diffDocuments(active, structuredClone(active)).identical).toBe(true);
  });
});

describe('sideBySide', () => {
  it('pairs changed lines and keeps common lines aligned', () => {
    const rows = sideBySide('{\n  "a": 1,\n  "b": 2\n}', '{\n  "a": 1,\n  "b": 3,\n  "c": 4\n}');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'same', 'modified', 'added', 'same']);
    expect(rows[2].left?.text).toBe('  "b": 2');
    expect(rows[2].right?.text).toBe('  "b": 3,');
    expect(rows[3].left).toBeNull();
    expect(rows[4].left?.line).toBe(4);
    expect(rows[4].right?.line).toBe(5);
  });

  it('shows a removed item only on the left', () => {
    const rows = sideBySide('{\n  "x": 1\n}', '');
    expect(rows.every((r) => r.kind === 'removed' && r.right === null)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
