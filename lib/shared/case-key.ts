import type { Platform } from './lists';

/**
 * A case id as a page shows it: digits, perhaps after a short letter prefix (an exchange's EX2026…).
 * Kept exactly as shown: letters are never stripped, which would make another id.
 */
export const CASE_ID = /^[A-Za-z]{0,6}\d{1,24}$/;
/** A case's ledger key, `${platform}:${disputeId}`, as messages and team documents carry it. */
export const CASE_KEY = /^(taobao|tmall):[A-Za-z]{0,6}\d{1,24}$/;

/** A case's key in the ledger and in messages: `${platform}:${disputeId}`. */
export const caseKey = (c: { platform: Platform; disputeId: string }) => `${c.platform}:${c.disputeId}`;
