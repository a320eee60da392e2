import { useEffect, useRef } from 'react';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { syntaxHighlighting, HighlightStyle, bracketMatching } from '@codemirror/language';
import { tags } from '@lezer/highlight';

// colours with at least 4.5:1 contrast on white
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: '#0b5394' },
  { tag: tags.string, color: '#1e6b1e' },
  { tag: tags.number, color: '#8a3b00' },
  { tag: [tags.bool, tags.null], color: '#7a1f7a' },
  { tag: tags.punctuation, color: '#333333' },
]);

interface Props {
  value: string;
  onChange: (text: string) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
  testId?: string;
}

/** A small CodeMirror 6 JSON editor. Tab moves focus out (no tab capture), so it stays keyboard friendly. */
export function JsonEditor({ value, onChange, labelledBy, describedBy, invalid, readOnly, testId }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  // set while the editor follows a new value from outside, so that is not reported as an edit
  const external = useRef(false);

  useEffect(() => {
    const attrs: Record<string, string> = { 'aria-labelledby': labelledBy, 'aria-multiline': 'true', role: 'textbox' };
    if (describedBy) attrs['aria-describedby'] = describedBy;
    if (invalid) attrs['aria-invalid'] = 'true';
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          highlightActiveLine(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          json(),
          syntaxHighlighting(highlight),
          EditorState.readOnly.of(!!readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of(attrs),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !external.current) change.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // recreated only when accessibility attributes or mode change
  }, [labelledBy, describedBy, invalid, readOnly]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) {
      external.current = true;
      try {
        v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
      } finally {
        external.current = false;
      }
    }
  }, [value]);

  return <div ref={host} className={invalid ? 'json-editor invalid' : 'json-editor'} data-testid={testId} />;
}
