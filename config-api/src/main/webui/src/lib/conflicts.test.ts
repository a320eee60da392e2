import { describe, expect, it } from 'vitest';
import { initialResolution, isComplete, resolutionReducer, toResolutions, unresolved } from './conflicts';

const conflicts = [
  { pointer: '/settings/region', mine: 'us-east-1', theirs: 'eu-central-1' },
  { pointer: '/entities/contact/primary_key', mine: 'id', theirs: 'email' },
];

describe('conflict resolution state', () => {
  it('is complete only when every path has a side', () => {
    let s = resolutionReducer(initialResolution, { type: 'load', conflicts });
    expect(isComplete(s)).toBe(false);
    expect(unresolved(s)).toEqual(['/settings/region', '/entities/contact/primary_key']);
    s = resolutionReducer(s, { type: 'choose', pointer: '/settings/region', choice: 'mine' });
    expect(isComplete(s)).toBe(false);
    s = resolutionReducer(s, { type: 'choose', pointer: '/entities/contact/primary_key', choice: 'theirs' });
    expect(isComplete(s)).toBe(true);
    expect(toResolutions(s)).toEqual({
      '/settings/region': 'draft',
      '/entities/contact/primary_key': 'active',
    });
  });

  it('ignores choices for paths that do not conflict and can pick one side for all', () => {
    let s = resolutionReducer(initialResolution, { type: 'load', conflicts });
    s = resolutionReducer(s, { type: 'choose', pointer: '/nope', choice: 'mine' });
    expect(s.choices).toEqual({});
    s = resolutionReducer(s, { type: 'chooseAll', choice: 'theirs' });
    expect(Object.values(toResolutions(s))).toEqual(['active', 'active']);
  });

  it('keeps earlier choices for paths that still conflict after a reload', () => {
    let s = resolutionReducer(initialResolution, { type: 'load', conflicts });
    s = resolutionReducer(s, { type: 'choose', pointer: '/settings/region', choice: 'theirs' });
    s = resolutionReducer(s, { type: 'choose', pointer: '/entities/contact/primary_key', choice: 'mine' });
    s = resolutionReducer(s, { type: 'load', conflicts: [conflicts[0]] });
    expect(s.choices).toEqual({ '/settings/region': 'theirs' });
    expect(isComplete(resolutionReducer(s, { type: 'clear' }))).toBe(false);
  });
});
