// The content fields of a config object version (create and "new version" both use them), with the
// API's own validation: typed kinds are checked as you type (POST /{kind}s/validate, which
// answers exactly the errors a create would), every kind on submit; errors show at their field.
import { useEffect, useState } from 'react';
import { api, FieldError } from '../../lib/api';
import { ContentCheck, Item, TYPED_ROUTES } from '../../lib/library';
import { orgBase } from '../../lib/org';
import { Field } from '../../ui/Field';
import { errorsAt } from '../../ui/Problem';

export interface VersionFields {
  content: string;
  title: string;
  file_name: string;
  relative_path: string;
}

export const TEMPLATES: Record<string, string> = {
  skill: '---\nname: my-skill\ndescription: What this skill does and when to use it\n---\n# My skill\n\nStep-by-step instructions.\n',
  command: '---\ndescription: What this command does\n---\nReview the changes in $ARGUMENTS and list the risks.\n',
  agent: '---\nname: my-agent\ndescription: When to hand work to this agent\n---\nYou are a careful reviewer. Explain each finding.\n',
  mcp: '{\n  "mcpServers": {\n    "docs": {\n      "command": "npx",\n      "args": ["-y", "docs-mcp-server"]\n    }\n  }\n}\n',
  hook: '{\n  "hooks": {\n    "PreToolUse": [\n      { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./scripts/check.sh" }] }\n    ]\n  }\n}\n',
  context: '# Team conventions\n\nWhat every agent should know about this codebase.\n',
  custom: '',
};

/** The request body of the fields: blank optional fields are left out (the API derives them). */
export function versionBody(f: VersionFields) {
  return {
    content: f.content,
    title: f.title.trim() || undefined,
    file_name: f.file_name.trim() || undefined,
    relative_path: f.relative_path.trim() || undefined,
  };
}

export const FIELD_POINTERS = ['/content', '/title', '/file_name', '/relative_path'];

interface Props {
  orgId: string;
  objectType: string;
  value: VersionFields;
  onChange: (v: VersionFields) => void;
  /** The error of the last submit (a 422 with field errors). */
  submitError: unknown;
}

export function ObjectFields({ orgId, objectType, value, onChange, submitError }: Props) {
  const check = useLiveCheck(orgId, objectType, value);
  // the live check is newer than the last submit once the text changed after it
  const errors = (pointer: string): FieldError[] => {
    const submitted = errorsAt(submitError, pointer);
    if (check) return check.errors.filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
    return submitted;
  };
  const set = (k: keyof VersionFields) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <>
      <Field label="Content" errors={errors('/content')} testId="field-content" hint={hintFor(objectType)}>
        <textarea className="code" rows={14} value={value.content} onChange={set('content')} spellCheck={false} data-testid="object-content" />
      </Field>
      {check && (
        <p className={check.valid ? 'check ok' : 'check error'} role="status" data-testid="content-check">
          {check.valid
            ? `Valid ${objectType}${check.preview?.title ? `: ${check.preview.title}` : ''}${check.preview?.description ? ` (${check.preview.description})` : ''}`
            : `${check.errors.length} problem${check.errors.length === 1 ? '' : 's'} to fix before saving`}
        </p>
      )}
      <div className="grid3">
        <Field label="Title (optional)" errors={errors('/title')} hint="Defaults to the name in the content">
          <input value={value.title} onChange={set('title')} />
        </Field>
        <Field label="File name (optional)" errors={errors('/file_name')}>
          <input value={value.file_name} onChange={set('file_name')} />
        </Field>
        <Field label="Relative path (optional)" errors={errors('/relative_path')}>
          <input value={value.relative_path} onChange={set('relative_path')} />
        </Field>
      </div>
    </>
  );
}

function hintFor(type: string): string {
  if (type === 'skill' || type === 'agent') return 'Markdown with a frontmatter: name (lowercase words joined by -, at most 64 characters) and description (at most 1,024).';
  if (type === 'command') return 'Markdown; the frontmatter is optional, the prompt body is required.';
  if (type === 'mcp') return 'JSON: {"mcpServers": {name: {command, args} or {url}}}.';
  if (type === 'hook') return 'JSON: {"hooks": {event: [{matcher, hooks: [{type, command}]}]}}.';
  return 'Any text.';
}

/** The API's verdict on the current content, 600 ms after the last keystroke (typed kinds only). */
function useLiveCheck(orgId: string, objectType: string, value: VersionFields): ContentCheck | null {
  const [check, setCheck] = useState<ContentCheck | null>(null);
  const route = TYPED_ROUTES[objectType];
  useEffect(() => {
    setCheck(null);
    if (!route || !value.content.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<Item<ContentCheck>>(`${orgBase(orgId)}/${route}/validate`, versionBody(value))
        .then((res) => live && setCheck(res.data.item))
        .catch(() => live && setCheck(null));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [orgId, route, value]);
  return check;
}
