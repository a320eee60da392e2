// How the library pages show an API error: a sentence a person can act on, and the field errors
// of a 422/400 at the field their JSON pointer names.
import { ApiError, FieldError, NetworkError } from '../lib/api';

/** One line for a failed request; `what` completes "Could not ...". */
export function describe(error: unknown, what: string): string {
  if (error instanceof NetworkError) return `Could not reach PlugSync to ${what}. Nothing changed; try again.`;
  if (!(error instanceof ApiError)) return `Could not ${what}: ${String((error as Error)?.message ?? error)}`;
  const p = error.problem;
  if (error.status === 403) {
    if (p.required_role) return `You need the ${String(p.required_role)} role on this ${String(p.resource ?? 'resource')} to ${what} (you are ${String(p.your_role ?? 'not a member')}).`;
    if (p.required_org_role) return `You need to be an organisation ${String(p.required_org_role)} to ${what}.`;
    return `You are not allowed to ${what}.`;
  }
  if (error.status === 404) return 'Not found, or you cannot see it.';
  if (error.status === 422 || error.status === 400) return `Could not ${what}: ${p.detail ?? p.title ?? 'check the highlighted fields'}.`;
  return `Could not ${what}: ${error.message}`;
}

export function ErrorNotice({ error, what }: { error: unknown; what: string }) {
  if (!error || (error instanceof ApiError && error.status === 401)) return null;
  return (
    <p className="notice error" role="alert">
      {describe(error, what)}
    </p>
  );
}

/** The field errors of a problem whose pointer is `pointer` or below it. */
export function errorsAt(error: unknown, pointer: string): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`));
}

/** Field errors no field of the form claims (`claimed` are the form's pointers). */
export function otherErrors(error: unknown, claimed: string[]): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).filter((e) => !claimed.some((p) => e.pointer === p || e.pointer.startsWith(`${p}/`)));
}
