// Routes a 422's errors[] (JSON pointers into the document) to the editor that owns them.
import { FieldError } from './api';
import { escapePointer, unescapePointer } from './format';

export type EditorKey = string; // "settings" | "entity:<name>" | "flow:<source/type>"

export const settingsKey = 'settings';
export const entityKey = (name: string) => `entity:${name}`;
export const flowKey = (key: string) => `flow:${key}`;

export interface LocatedError extends FieldError {
  /** The pointer inside the editor's own JSON ("" = the item itself). */
  local: string;
}

export function editorPointer(key: EditorKey): string {
  if (key === settingsKey) return '/settings';
  const [kind, ...rest] = key.split(':');
  const name = rest.join(':');
  return `/${kind === 'entity' ? 'entities' : 'event_flows'}/${escapePointer(name)}`;
}

/** Accepts pointers with or without a leading "/document". */
export function editorFor(pointer: string): { key: EditorKey; local: string } | null {
  const segs = pointer.replace(/^\/document(?=\/)/, '').split('/').slice(1);
  if (segs[0] === 'settings') return { key: settingsKey, local: segs.length > 1 ? `/${segs.slice(1).join('/')}` : '' };
  if ((segs[0] === 'entities' || segs[0] === 'event_flows') && segs.length >= 2) {
    const name = unescapePointer(segs[1]);
    const local = segs.length > 2 ? `/${segs.slice(2).join('/')}` : '';
    return { key: segs[0] === 'entities' ? entityKey(name) : flowKey(name), local };
  }
  return null;
}

/** Groups errors by editor; errors no editor owns go under "". */
export function groupErrors(errors: FieldError[] | undefined, itemPrefix?: string): Record<EditorKey, LocatedError[]> {
  const out: Record<EditorKey, LocatedError[]> = {};
  for (const e of errors ?? []) {
    // item endpoints (PUT .../entities/{name}) may answer with pointers relative to the item
    const pointer = itemPrefix && !editorFor(e.pointer) ? `${itemPrefix}${e.pointer}` : e.pointer;
    const at = editorFor(pointer);
    const key = at?.key ?? '';
    (out[key] ??= []).push({ ...e, local: at?.local ?? e.pointer });
  }
  return out;
}
