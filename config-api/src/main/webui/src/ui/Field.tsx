import { cloneElement, ReactElement, useId } from 'react';
import { FieldError } from '../lib/api';

interface Props {
  label: string;
  /** The control: gets id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  errors?: FieldError[];
  hint?: string;
  testId?: string;
}

/** A labelled control with its hint and the API's errors for it, announced to screen readers. */
export function Field({ label, children, errors = [], hint, testId }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-errors`;
  const described = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': errors.length > 0 || undefined, 'aria-describedby': described })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="field-errors" data-testid={testId ? `${testId}-errors` : undefined}>
          {errors.map((e, i) => (
            <li key={i}>
              {e.pointer.split('/').slice(2).join(' ') ? <strong>{e.pointer.split('/').slice(2).join(' ')}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
