// Shapes of the connector config API (JSON is snake_case).
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Connector {
  id: string;
  organization_id: string;
  name: string;
  display_name: string | null;
  kind: string;
  active_version: number;
  has_unpublished_changes: boolean;
}

export interface ConfigDocument {
  entities: Record<string, unknown>;
  event_flows: Record<string, unknown>;
  settings: Record<string, unknown>;
}

export interface Draft {
  connector_id: string;
  revision: number;
  base_version: number;
  active_version: number;
  has_unpublished_changes: boolean;
  document: ConfigDocument;
  updated_at: string;
  updated_by: string;
  updated_by_kind?: string;
  restored_from_version?: number | null;
}

export interface VersionSummary {
  version: number;
  checksum: string;
  published_at: string;
  published_by: string;
  message?: string | null;
  is_active?: boolean;
  based_on_version?: number;
}

export interface Version extends VersionSummary {
  document: ConfigDocument;
}

export interface PublishReceipt {
  version: number;
  checksum: string;
  published_at: string;
  published_by: string;
}

export interface PublishStatus {
  version: number;
  committed: boolean;
  replicated: boolean;
  replicated_at?: string | null;
}

export interface DraftChange {
  revision?: number;
  action: string;
  writer_kind: string;
  actor: string;
  paths?: string[];
  created_at: string;
}

export function emptyDocument(): ConfigDocument {
  return { entities: {}, event_flows: {}, settings: {} };
}

export function normalise(doc: Partial<ConfigDocument> | null | undefined): ConfigDocument {
  return {
    entities: (doc?.entities as Record<string, unknown>) ?? {},
    event_flows: (doc?.event_flows as Record<string, unknown>) ?? {},
    settings: (doc?.settings as Record<string, unknown>) ?? {},
  };
}

export const connectorPath = (id: string) => `/api/connectors/${encodeURIComponent(id)}`;
