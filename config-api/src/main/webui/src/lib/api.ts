// The dashboard talks only to the public HTTP API, with the caller's bearer token.
import { currentToken } from './auth';

export interface FieldError {
  pointer: string;
  message: string;
  code?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  active_version?: number;
  [member: string]: unknown;
}

/** An HTTP answer other than 2xx/304, with its problem+json body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }

  /** The last segment of the problem type, e.g. `stale-base-version`. */
  get reason(): string {
    const t = this.problem.type ?? '';
    return t.substring(t.lastIndexOf('/') + 1);
  }
}

/** The request never got an HTTP answer (offline, server down). */
export class NetworkError extends Error {}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string | null;
  ifNoneMatch?: string | null;
  contentType?: string;
}

type Listener = (e: ApiError | NetworkError | null) => void;
const listeners = new Set<Listener>();

/** Lets the app show "sign in again" on 401 and a retry notice on network loss. */
export function onApiHealth(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(e: ApiError | NetworkError | null) {
  listeners.forEach((l) => l(e));
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (method !== 'GET') headers['X-PlugSync-Writer'] = 'dashboard';
  if (opts.body !== undefined) headers['Content-Type'] = opts.contentType ?? 'application/json';
  if (opts.ifMatch) headers['If-Match'] = opts.ifMatch;
  if (opts.ifNoneMatch) headers['If-None-Match'] = opts.ifNoneMatch;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      cache: 'no-store',
    });
  } catch (e) {
    const err = new NetworkError(e instanceof Error ? e.message : String(e));
    emit(err);
    throw err;
  }
  const text = res.status === 304 ? '' : await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text };
    }
  }
  if (!res.ok && res.status !== 304) {
    const err = new ApiError(res.status, (data as Problem) ?? { status: res.status });
    emit(res.status === 401 ? err : null);
    throw err;
  }
  emit(null);
  return { status: res.status, data: data as T, etag: res.headers.get('ETag') };
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, { ...opts, body }),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) =>
    request<T>('PATCH', path, { ...opts, body, contentType: 'application/merge-patch+json' }),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, opts),
};
