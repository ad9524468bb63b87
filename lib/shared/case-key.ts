import type { CaseSnapshot } from './types';

/** A case's key in the ledger and in messages: `${platform}:${disputeId}`. */
export const caseKey = (c: Pick<CaseSnapshot, 'platform' | 'disputeId'>) => `${c.platform}:${c.disputeId}`;
