// Shapes of the config library and GitHub source API under /v1/orgs/{org} (JSON is snake_case).
export type Role = 'viewer' | 'editor' | 'manager';
export type OrgRole = 'viewer' | 'editor' | 'admin' | 'owner';

export const OBJECT_TYPES = ['skill', 'command', 'agent', 'mcp', 'hook', 'context', 'custom'] as const;
export type ObjectType = (typeof OBJECT_TYPES)[number];
/** Types with their own validate/preview routes (`/skills/validate`, ...). */
export const TYPED_ROUTES: Partial<Record<string, string>> = { skill: 'skills', agent: 'agents', command: 'commands', mcp: 'mcps' };

export interface ConfigObject {
  id: string;
  organization_id: string;
  object_type: string;
  source_mode: 'cloud' | 'import' | 'connector';
  title: string | null;
  description: string | null;
  status: string;
  slug: string | null;
  current_file_name: string | null;
  current_file_extension: string | null;
  current_relative_path: string | null;
  connector_instance_id: string | null;
  created_by_org_membership_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  latest_version_id: string | null;
  your_role: Role | null;
}

export interface ObjectVersionSummary {
  id: string;
  config_object_id: string;
  created_via: string;
  created_by_org_membership_id: string | null;
  connector_sync_event_id: string | null;
  source_revision_ref: string | null;
  is_deleted_version: boolean;
  created_at: string;
}

export interface ObjectVersion extends ObjectVersionSummary {
  content: string | null;
  payload: unknown;
}

export interface VersionComparison {
  config_object_id: string;
  from: ObjectVersionSummary;
  to: ObjectVersionSummary;
  identical: boolean;
  diff: string;
  lines_added: number;
  lines_removed: number;
  payload_patch: Array<{ op: string; path: string; value?: unknown; from?: string }>;
}

export interface ProvenanceBinding {
  id: string;
  status: string;
  connector_instance_id: string;
  connector_target_id: string;
  connector_mapping_id: string | null;
  connector_type: string;
  remote_id: string;
  external_locator: string;
  last_seen_source_revision_ref: string | null;
  created_at: string;
  closed_at: string | null;
  reappearance_of: { config_object_id: string; connector_source_tombstone_id: string; deleted_at: string } | null;
}

export interface ProvenanceTombstone {
  id: string;
  connector_instance_id: string;
  connector_target_id: string;
  connector_mapping_id: string | null;
  remote_id: string;
  external_locator: string;
  deleted_in_sync_event_id: string | null;
  deleted_source_revision_ref: string | null;
  created_at: string;
  reappeared_as: { config_object_id: string; connector_source_binding_id: string; created_at: string } | null;
}

export interface Provenance {
  config_object_id: string;
  source_mode: string;
  bindings: ProvenanceBinding[];
  tombstones: ProvenanceTombstone[];
}

export interface ContentCheck {
  valid: boolean;
  errors: Array<{ pointer: string; message: string; code?: string }>;
  preview: { title?: string | null; description?: string | null; [k: string]: unknown } | null;
}

export interface Plugin {
  id: string;
  organization_id: string;
  name: string;
  description: string | null;
  status: string;
  created_by_org_membership_id: string | null;
  created_at: string;
  updated_at: string;
  member_count: number;
  your_role: Role | null;
}

export interface PluginMember {
  id: string;
  plugin_id: string;
  config_object_id: string;
  object_type: string;
  title: string | null;
  object_status: string;
  membership_source: string;
  connector_mapping_id: string | null;
  created_at: string;
}

export interface ObjectPlugin {
  id: string;
  config_object_id: string;
  plugin_id: string;
  name: string;
  plugin_status: string;
  membership_source: string;
  created_at: string;
  your_role: Role | null;
}

export interface ResolvedPlugin {
  plugin_id: string;
  name: string;
  items: Array<{
    config_object_id: string;
    object_type: string;
    title: string | null;
    version_id: string;
    version_created_at: string;
    content: string | null;
  }>;
}

export interface Release {
  id: string;
  plugin_id: string;
  release_kind: string;
  notes: string | null;
  created_by_org_membership_id: string | null;
  created_at: string;
  item_count: number;
  items?: Array<{ config_object_id: string; config_object_version_id: string; object_type: string; title: string | null }>;
}

export interface ReleaseDiffEntry {
  config_object_id: string;
  object_type: string;
  title: string | null;
  release_version_id: string | null;
  current_version_id: string | null;
}

export interface ReleaseDiff {
  release_id: string;
  plugin_id: string;
  added: ReleaseDiffEntry[];
  removed: ReleaseDiffEntry[];
  changed: ReleaseDiffEntry[];
  unchanged_count: number;
}

export interface Grant {
  id: string;
  principal_type: 'member' | 'team' | 'org_wide';
  org_membership_id: string | null;
  team_id: string | null;
  org_wide: boolean;
  role: Role;
  created_by_org_membership_id: string | null;
  created_at: string;
}

export interface AccessReason {
  via: 'org_role' | 'creator' | 'member_grant' | 'team_grant' | 'org_wide_grant' | 'plugin';
  role: Role;
  grant_id: string | null;
  team_id: string | null;
  team_name: string | null;
  plugin_id: string | null;
  plugin_name: string | null;
}

export interface AccessExplanation {
  org_membership_id: string;
  subject: string;
  display_name: string | null;
  org_role: string;
  role: Role | null;
  reasons: AccessReason[];
}

export interface Member {
  id: string;
  subject: string;
  display_name: string | null;
  email: string | null;
  role: OrgRole;
  created_at: string;
}

export interface TeamMember {
  org_membership_id: string;
  subject: string;
  display_name: string | null;
  org_role: string;
  added_at: string;
}

export interface Team {
  id: string;
  organization_id: string;
  name: string;
  member_count: number;
  created_at: string;
  updated_at: string;
  members?: TeamMember[];
}

export interface Account {
  id: string;
  connector_type: string;
  remote_id: string;
  external_account_ref: string | null;
  display_name: string | null;
  status: string;
  created_at: string;
}

export interface Instance {
  id: string;
  connector_account_id: string;
  connector_type: string;
  remote_id: string | null;
  name: string;
  status: string;
  last_synced_at: string | null;
  last_sync_status: string | null;
  created_by_org_membership_id: string | null;
  archived_at: string | null;
  created_at: string;
  your_role: Role | null;
}

export interface Target {
  id: string;
  connector_instance_id: string;
  connector_type: string;
  remote_id: string;
  target_kind: string | null;
  external_target_ref: string;
  status: string;
  last_synced_revision_ref: string | null;
  created_at: string;
  updated_at: string;
}

export interface Mapping {
  id: string;
  connector_instance_id: string;
  connector_target_id: string;
  mapping_kind: string;
  selector: string;
  object_type: string;
  plugin_id: string | null;
  auto_add_to_plugin: boolean;
  created_by_org_membership_id: string | null;
  status: string;
  retired_at: string | null;
  created_at: string;
}

export interface MappingPreview {
  connector_target_id: string;
  selector: string;
  source_revision_ref: string;
  captured_at: string;
  tree_truncated: boolean;
  tree_path_count: number;
  matched_count: number;
  paths: string[];
  next_cursor: string | null;
}

export interface SyncFile {
  path: string;
  from_path?: string;
  action: string;
  status: string;
  config_object_id?: string;
  error?: string;
  note?: string;
}

export interface SyncEvent {
  id: string;
  connector_instance_id: string;
  connector_target_id: string | null;
  connector_type: string;
  remote_id: string | null;
  event_type: string;
  external_event_ref: string | null;
  source_revision_ref: string | null;
  status: string;
  summary: {
    counts?: Record<string, number>;
    files?: SyncFile[];
    files_truncated?: boolean;
    last_error?: string;
    reason?: string;
    [k: string]: unknown;
  } | null;
  attempts: number;
  next_attempt_at: string | null;
  started_at: string | null;
  completed_at: string | null;
}

export interface HeldSync {
  id: string;
  connector_instance_id: string;
  connector_target_id: string | null;
  repository: string | null;
  revision: string | null;
  planned_deletions: number;
  live_objects: number;
  deleted_paths: string[];
  held_at: string | null;
}

export interface Item<T> {
  item: T;
}

const ROLE_RANK: Record<string, number> = { viewer: 1, editor: 2, manager: 3 };
const ORG_RANK: Record<string, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** At least `needed` on a resource (`your_role` of its view). */
export function hasRole(role: string | null | undefined, needed: Role): boolean {
  return (ROLE_RANK[role ?? ''] ?? 0) >= ROLE_RANK[needed];
}

export function orgAtLeast(role: string | null | undefined, needed: OrgRole): boolean {
  return (ORG_RANK[role ?? ''] ?? -1) >= ORG_RANK[needed];
}

export const isOrgAdmin = (role: string | null | undefined) => orgAtLeast(role, 'admin');

/** `?a=1&b=2` of the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const shortId = (id: string | null | undefined) => (id ? id.slice(0, 8) : '');
export const shortSha = (sha: string | null | undefined) => (sha ? sha.slice(0, 7) : '');
