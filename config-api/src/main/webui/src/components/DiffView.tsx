import { DocumentDiff, SECTIONS, SECTION_LABEL, describeSummary, itemText, sideBySide, ItemChange } from '../lib/diff';

interface Props {
  diff: DocumentDiff;
  leftLabel: string;
  rightLabel: string;
}

/** Per-section summary, then a side-by-side JSON diff of each changed item. */
export function DiffView({ diff, leftLabel, rightLabel }: Props) {
  if (diff.identical) return <p className="muted">No differences.</p>;
  return (
    <div className="diff">
      <ul className="diff-summary" aria-label="Summary of changes">
        {SECTIONS.map((s) => (
          <li key={s} data-section={s}>
            <strong>{SECTION_LABEL[s]}:</strong> {describeSummary(diff.summary[s])}
          </li>
        ))}
      </ul>
      {diff.changes.map((c) => (
        <ItemDiff key={`${c.section}/${c.key}`} change={c} leftLabel={leftLabel} rightLabel={rightLabel} />
      ))}
    </div>
  );
}

function ItemDiff({ change, leftLabel, rightLabel }: { change: ItemChange; leftLabel: string; rightLabel: string }) {
  const rows = sideBySide(itemText(change.before), itemText(change.after));
  const title = `${SECTION_LABEL[change.section]} › ${change.key}`;
  return (
    <section className="item-diff" aria-label={`${title} (${change.kind})`} data-change={change.kind}>
      <h3>
        {title} <span className={`tag ${change.kind}`}>{change.kind}</span>
      </h3>
      <table className="sbs">
        <thead>
          <tr>
            <th scope="col" colSpan={2}>
              {leftLabel}
            </th>
            <th scope="col" colSpan={2}>
              {rightLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className={r.kind}>
              <td className="ln">{r.left?.line ?? ''}</td>
              <td className="code left">
                {r.left ? <code>{r.left.text}</code> : null}
              </td>
              <td className="ln">{r.right?.line ?? ''}</td>
              <td className="code right">
                {r.right ? <code>{r.right.text}</code> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
