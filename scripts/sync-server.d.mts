// Types for scripts/sync-server.mjs (plain JavaScript, run by node directly).
export interface SyncUsers {
  /** Shop database name → user name → password. */
  databases: Record<string, Record<string, string>>;
}
export interface SyncRequest {
  method: string;
  path: string;
  /** null while the request is pending, or when its connection was dropped. */
  status: number | null;
  /** The account named in the request's Basic auth (never its password), or null. */
  user: string | null;
}
export interface SyncServer {
  url: string;
  port: number;
  requests: SyncRequest[];
  pause(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}
export const DEMO_USERS: SyncUsers;
export function startSyncServer(opts?: { port?: number; host?: string; users?: SyncUsers }): Promise<SyncServer>;
