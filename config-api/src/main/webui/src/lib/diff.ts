// Diff of two V3 documents, item by item: what "Review changes" and "Compare" show.
import { ConfigDocument, normalise } from './model';
import { pretty } from './format';

export const SECTIONS = ['entities', 'event_flows', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
export type ChangeKind = 'added' | 'removed' | 'changed';

export const SECTION_LABEL: Record<Section, string> = {
  entities: 'Entities',
  event_flows: 'Event flows',
  settings: 'Settings',
};

export interface ItemChange {
  section: Section;
  key: string;
  kind: ChangeKind;
  before?: unknown;
  after?: unknown;
}

export type SectionSummary = Record<ChangeKind, string[]>;

export interface DocumentDiff {
  summary: Record<Section, SectionSummary>;
  changes: ItemChange[];
  identical: boolean;
}

/** Compares `from` (e.g. the active version) with `to` (e.g. the draft). Settings compare per key. */
export function diffDocuments(
  fromDoc: Partial<ConfigDocument> | null | undefined,
  toDoc: Partial<ConfigDocument> | null | undefined,
): DocumentDiff {
  const from = normalise(fromDoc);
  const to = normalise(toDoc);
  const changes: ItemChange[] = [];
  const summary = {} as Record<Section, SectionSummary>;
  for (const section of SECTIONS) {
    const a = from[section];
    const b = to[section];
    const s: SectionSummary = { added: [], removed: [], changed: [] };
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const inA = Object.prototype.hasOwnProperty.call(a, key);
      const inB = Object.prototype.hasOwnProperty.call(b, key);
      let kind: ChangeKind | null = null;
      if (inA && !inB) kind = 'removed';
      else if (!inA && inB) kind = 'added';
      else if (pretty(a[key]) !== pretty(b[key])) kind = 'changed';
      if (!kind) continue;
      s[kind].push(key);
      changes.push({ section, key, kind, before: inA ? a[key] : undefined, after: inB ? b[key] : undefined });
    }
    summary[section] = s;
  }
  return { summary, changes, identical: changes.length === 0 };
}

export type RowKind = 'same' | 'removed' | 'added' | 'modified';

export interface DiffRow {
  kind: RowKind;
  left: { line: number; text: string } | null;
  right: { line: number; text: string } | null;
}

/** Side-by-side rows of a line diff (longest common subsequence) of two texts. */
export function sideBySide(leftText: string, rightText: string): DiffRow[] {
  const a = leftText === '' ? [] : leftText.split('\n');
  const b = rightText === '' ? [] : rightText.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let removed: DiffRow[] = [];
  let added: DiffRow[] = [];
  const flush = () => {
    // pair removed and added lines of one hunk as "modified" rows
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) rows.push({ kind: 'modified', left: removed[k].left, right: added[k].right });
    rows.push(...removed.slice(pairs), ...added.slice(pairs));
    removed = [];
    added = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ kind: 'same', left: { line: i + 1, text: a[i] }, right: { line: j + 1, text: b[j] } });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push({ kind: 'added', left: null, right: { line: j + 1, text: b[j] } });
      j++;
    } else {
      removed.push({ kind: 'removed', left: { line: i + 1, text: a[i] }, right: null });
      i++;
    }
  }
  flush();
  return rows;
}

export function itemText(value: unknown): string {
  return value === undefined ? '' : pretty(value);
}

export function describeSummary(s: SectionSummary): string {
  const parts = (['added', 'removed', 'changed'] as ChangeKind[])
    .filter((k) => s[k].length > 0)
    .map((k) => `${s[k].length} ${k}`);
  return parts.length ? parts.join(', ') : 'no changes';
}
