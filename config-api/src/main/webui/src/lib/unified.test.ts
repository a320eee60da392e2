import { describe, expect, it } from 'vitest';
import { parseUnified } from './unified';

describe('parseUnified', () => {
  it('numbers context, removed and added lines from the hunk header', () => {
    const diff = ['--- v1', '+++ v2', '@@ -3,3 +3,3 @@', ' keep', '-old line', '+new line', ' tail'].join('\n');
    expect(parseUnified(diff)).toEqual([
      { kind: 'hunk', text: '@@ -3,3 +3,3 @@', oldNo: null, newNo: null },
      { kind: 'context', text: 'keep', oldNo: 3, newNo: 3 },
      { kind: 'removed', text: 'old line', oldNo: 4, newNo: null },
      { kind: 'added', text: 'new line', oldNo: null, newNo: 4 },
      { kind: 'context', text: 'tail', oldNo: 5, newNo: 5 },
    ]);
  });

  it('restarts the numbers at every hunk and skips headers only at their own prefix', () => {
    const diff = ['--- a', '+++ b', '@@ -1 +1,2 @@', ' x', '+++ y', '@@ -10,1 +11,1 @@', '-y', '+z'].join('\n');
    const lines = parseUnified(diff);
    expect(lines.find((l) => l.text === '++ y')).toEqual({ kind: 'added', text: '++ y', oldNo: null, newNo: 2 });
    expect(lines.filter((l) => l.kind !== 'hunk').map((l) => [l.oldNo, l.newNo])).toEqual([
      [1, 1],
      [null, 2],
      [10, null],
      [null, 11],
    ]);
  });

  it('is empty for identical texts', () => {
    expect(parseUnified('')).toEqual([]);
  });
});
