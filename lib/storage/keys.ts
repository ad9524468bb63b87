/** storage.local keys shared by the options page and the content scripts (no other imports: content scripts load this). */

/** Bumped by the options page when the policy or replies change: open seller tabs recompute. */
export const POLICY_VERSION_KEY = 'policyVersion';
/** The sidebar's keyboard shortcut, e.g. 'Alt+Shift+R'. */
export const SHORTCUT_KEY = 'shortcut';
/** The UI language: 'zh' (default) or 'en'. */
export const LANG_KEY = 'lang';
/** Bumped when staff teach or forget a page label: open seller tabs read their page again. */
export const TAUGHT_VERSION_KEY = 'taughtVersion';
/** Team sync's settings, with the staff member's credentials (lib/sync/settings.ts). */
export const TEAM_SYNC_KEY = 'teamSync';
/** Team sync's last run: its status (lib/sync/replicator.ts `SyncStatus`), for the options page, the sidebar and the popup. */
export const TEAM_STATUS_KEY = 'teamSyncStatus';
/** Set once the welcome page has been opened: a browser that reports the install again (a profile started
 * with the extension on its command line does, at every start) does not open it again. */
export const WELCOMED_KEY = 'welcomed';
