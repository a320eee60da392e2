import { parseUnified } from '../lib/unified';

/** A unified text diff with old and new line numbers; additions and removals are also marked in text (+/-), not by colour alone. */
export function UnifiedDiff({ diff, label }: { diff: string; label: string }) {
  const lines = parseUnified(diff);
  if (lines.length === 0) return <p className="muted">The texts are identical.</p>;
  return (
    <table className="udiff" data-testid="unified-diff">
      <caption className="visually-hidden">{label}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">Old line</th>
          <th scope="col">New line</th>
          <th scope="col">Text</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={i} className={l.kind}>
            <td className="ln">{l.oldNo ?? ''}</td>
            <td className="ln">{l.newNo ?? ''}</td>
            <td>
              <code>
                {l.kind === 'added' ? '+ ' : l.kind === 'removed' ? '- ' : l.kind === 'context' ? '  ' : ''}
                {l.text}
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
