import { useId, useState } from 'react';
import { api, ApiError, NetworkError } from '../lib/api';
import { Draft, connectorPath } from '../lib/model';
import { pretty } from '../lib/format';
import {
  EditorKey,
  LocatedError,
  editorPointer,
  entityKey,
  flowKey,
  groupErrors,
  settingsKey,
} from '../lib/fieldErrors';
import { JsonEditor } from './JsonEditor';

export type Buffers = Record<EditorKey, string>;
export type Errors = Record<EditorKey, LocatedError[]>;

interface Props {
  connectorId: string;
  draft: Draft;
  etag: string | null;
  canEdit: boolean;
  buffers: Buffers;
  setBuffers: (f: (b: Buffers) => Buffers) => void;
  errors: Errors;
  setErrors: (f: (e: Errors) => Errors) => void;
  onSaved: () => Promise<void>;
  notify: (message: string, tone?: 'error' | 'info') => void;
}

function itemPath(connectorId: string, key: EditorKey): string {
  const base = `${connectorPath(connectorId)}/draft`;
  if (key === settingsKey) return `${base}/settings`;
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  if (kind === 'entity') return `${base}/entities/${encodeURIComponent(name)}`;
  const slash = name.indexOf('/');
  return `${base}/event-flows/${encodeURIComponent(name.slice(0, slash))}/${encodeURIComponent(name.slice(slash + 1))}`;
}

/** Settings, entities and event flows of the draft, each with its own JSON editor and errors. */
export function DraftEditor(props: Props) {
  const { draft, connectorId, etag, canEdit, buffers, setBuffers, errors, setErrors, onSaved, notify } = props;
  const [selectedEntity, setSelectedEntity] = useState<string | null>(null);
  const [selectedFlow, setSelectedFlow] = useState<string | null>(null);
  const [busy, setBusy] = useState<EditorKey | null>(null);
  const doc = draft.document;
  const entityNames = Object.keys(doc.entities ?? {}).sort();
  const flowKeys = Object.keys(doc.event_flows ?? {}).sort();
  const entity = selectedEntity && entityNames.includes(selectedEntity) ? selectedEntity : (entityNames[0] ?? null);
  const flow = selectedFlow && flowKeys.includes(selectedFlow) ? selectedFlow : (flowKeys[0] ?? null);

  const serverText = (key: EditorKey): string => {
    if (key === settingsKey) return pretty(doc.settings ?? {});
    const [kind, ...rest] = key.split(':');
    const name = rest.join(':');
    return pretty((kind === 'entity' ? doc.entities : doc.event_flows)?.[name] ?? {});
  };
  const text = (key: EditorKey) => buffers[key] ?? serverText(key);

  const handleFailure = (key: EditorKey, e: unknown) => {
    if (e instanceof ApiError && e.status === 422) {
      const grouped = groupErrors(e.problem.errors, editorPointer(key));
      setErrors(() => grouped);
      if (grouped['']) notify(grouped[''].map((x) => `${x.pointer}: ${x.message}`).join('; '), 'error');
    } else if (e instanceof ApiError && e.status === 403) {
      notify('You need the editor role to change this draft.', 'error');
    } else if (e instanceof ApiError && e.status === 412) {
      notify('The draft changed while you were editing. Your text is kept: save again to apply it on top.', 'error');
      void onSaved();
    } else if (e instanceof NetworkError) {
      notify('Could not reach PlugSync. Your text is kept: try saving again.', 'error');
    } else if (e instanceof ApiError && e.status !== 401) {
      notify(e.message, 'error');
    }
  };

  const save = async (key: EditorKey, body?: unknown) => {
    let value = body;
    if (value === undefined) {
      try {
        value = JSON.parse(text(key));
      } catch (err) {
        setErrors((all) => ({ ...all, [key]: [{ pointer: editorPointer(key), local: '', message: `Not valid JSON: ${(err as Error).message}` }] }));
        return false;
      }
    }
    setBusy(key);
    try {
      await api.put(itemPath(connectorId, key), value, { ifMatch: etag });
      // show the saved draft first, then drop the local text, so the editor never flashes old content
      await onSaved();
      setBuffers((b) => {
        const { [key]: _drop, ...rest } = b;
        return rest;
      });
      setErrors(() => ({}));
      return true;
    } catch (e) {
      handleFailure(key, e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const remove = async (key: EditorKey) => {
    setBusy(key);
    try {
      await api.del(itemPath(connectorId, key), { ifMatch: etag });
      await onSaved();
      setBuffers((b) => {
        const { [key]: _drop, ...rest } = b;
        return rest;
      });
      setErrors(() => ({}));
    } catch (e) {
      handleFailure(key, e);
    } finally {
      setBusy(null);
    }
  };

  const edit = (key: EditorKey) => (t: string) => setBuffers((b) => ({ ...b, [key]: t }));

  return (
    <div className="draft-editor">
      <section className="panel" aria-label="Settings">
        <ItemEditor
        title="Settings"
        editorKey={settingsKey}
        text={text(settingsKey)}
        dirty={buffers[settingsKey] !== undefined}
        errors={errors[settingsKey]}
        canEdit={canEdit}
        busy={busy === settingsKey}
        onChange={edit(settingsKey)}
        onSave={() => save(settingsKey)}
        />
      </section>
      <Collection
        title="Entities"
        noun="entity"
        keys={entityNames}
        selected={entity}
        onSelect={setSelectedEntity}
        errorsFor={(k) => errors[entityKey(k)]}
        canEdit={canEdit}
        validateNew={(n) => (/^[a-z][a-z0-9_]{0,63}$/.test(n) ? null : 'Start with a lower-case letter; then a-z, 0-9 or "_"')}
        onAdd={async (n) => {
          if (await save(entityKey(n), { description: '', fields: {} })) setSelectedEntity(n);
        }}
      >
        {entity && (
          <ItemEditor
            title={`Entity ${entity}`}
            editorKey={entityKey(entity)}
            text={text(entityKey(entity))}
            dirty={buffers[entityKey(entity)] !== undefined}
            errors={errors[entityKey(entity)]}
            canEdit={canEdit}
            busy={busy === entityKey(entity)}
            onChange={edit(entityKey(entity))}
            onSave={() => save(entityKey(entity))}
            onRemove={() => remove(entityKey(entity))}
          />
        )}
      </Collection>
      <Collection
        title="Event flows"
        noun="event flow"
        placeholder="source/type"
        keys={flowKeys}
        selected={flow}
        onSelect={setSelectedFlow}
        errorsFor={(k) => errors[flowKey(k)]}
        canEdit={canEdit}
        validateNew={(n) =>
          /^[a-z0-9][a-z0-9_-]*\/[a-z0-9][a-z0-9_.-]*$/.test(n) ? null : 'Write it as source/type, e.g. hubspot/deal.created'
        }
        onAdd={async (n) => {
          if (await save(flowKey(n), { entity: entityNames[0] ?? '', action: 'upsert' })) setSelectedFlow(n);
        }}
      >
        {flow && (
          <ItemEditor
            title={`Event flow ${flow}`}
            editorKey={flowKey(flow)}
            text={text(flowKey(flow))}
            dirty={buffers[flowKey(flow)] !== undefined}
            errors={errors[flowKey(flow)]}
            canEdit={canEdit}
            busy={busy === flowKey(flow)}
            onChange={edit(flowKey(flow))}
            onSave={() => save(flowKey(flow))}
            onRemove={() => remove(flowKey(flow))}
          />
        )}
      </Collection>
    </div>
  );
}

interface CollectionProps {
  title: string;
  noun: string;
  placeholder?: string;
  keys: string[];
  selected: string | null;
  onSelect: (k: string) => void;
  errorsFor: (k: string) => LocatedError[] | undefined;
  canEdit: boolean;
  validateNew: (name: string) => string | null;
  onAdd: (name: string) => Promise<void>;
  children: React.ReactNode;
}

function Collection({ title, noun, placeholder, keys, selected, onSelect, errorsFor, canEdit, validateNew, onAdd, children }: CollectionProps) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <div className="collection">
        <ul className="item-list" aria-label={title}>
          {keys.map((k) => (
            <li key={k}>
              <button type="button" aria-current={k === selected ? 'true' : undefined} onClick={() => onSelect(k)}>
                {k}
                {errorsFor(k)?.length ? <span className="tag error"> error</span> : null}
              </button>
            </li>
          ))}
          {keys.length === 0 && <li className="muted">None yet.</li>}
        </ul>
        <div className="collection-main">{children}</div>
      </div>
      {canEdit && (
        <form
          className="add-row"
          onSubmit={async (e) => {
            e.preventDefault();
            const n = name.trim();
            const bad = keys.includes(n) ? `${n} already exists` : validateNew(n);
            setProblem(bad);
            if (bad) return;
            await onAdd(n);
            setName('');
          }}
        >
          <label htmlFor={inputId}>New {noun}</label>
          <input
            id={inputId}
            value={name}
            placeholder={placeholder}
            aria-describedby={problem ? hintId : undefined}
            aria-invalid={problem ? 'true' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">Add {noun}</button>
          {problem && (
            <span id={hintId} className="field-error" role="alert">
              {problem}
            </span>
          )}
        </form>
      )}
    </section>
  );
}

interface ItemEditorProps {
  title: string;
  editorKey: EditorKey;
  text: string;
  dirty: boolean;
  errors?: LocatedError[];
  canEdit: boolean;
  busy: boolean;
  onChange: (t: string) => void;
  onSave: () => void;
  onRemove?: () => void;
}

function ItemEditor({ title, editorKey, text, dirty, errors, canEdit, busy, onChange, onSave, onRemove }: ItemEditorProps) {
  const labelId = useId();
  const errorId = useId();
  const hasErrors = !!errors?.length;
  return (
    <div className="item-editor" data-editor={editorKey}>
      <div className="item-head">
        <h3 id={labelId}>
          {title}
          {dirty && <span className="tag"> unsaved</span>}
        </h3>
        {canEdit && (
          <div className="item-actions">
            <button type="button" className="primary" onClick={onSave} disabled={busy}>
              {editorKey === settingsKey ? 'Save settings' : editorKey.startsWith('entity:') ? 'Save entity' : 'Save flow'}
            </button>
            {onRemove && (
              <button type="button" className="danger" onClick={onRemove} disabled={busy}>
                Remove
              </button>
            )}
          </div>
        )}
      </div>
      <JsonEditor
        value={text}
        onChange={onChange}
        labelledBy={labelId}
        describedBy={hasErrors ? errorId : undefined}
        invalid={hasErrors}
        readOnly={!canEdit}
        testId={`editor-${editorKey}`}
      />
      {hasErrors && (
        <div id={errorId} role="alert" data-testid={`errors-${editorKey}`}>
          <ul className="field-errors">
            {errors!.map((e, i) => (
              <li key={i}>
                {e.local ? <code>{e.local}</code> : null} {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
