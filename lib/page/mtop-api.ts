/** Which page data responses are observed, and the tag the observer's copies travel under. No imports: this ships in the main-world script. */
export const OBSERVED_API = /mtop\.alibaba\.refundface2\.disputeservice\.qianniu\.pc\.(disputelistv2|disputedetail)\b/i;
export const MTOP_MESSAGE_TAG = 'aftersales-radar/mtop';
export const MTOP_REPLAY_TAG = 'aftersales-radar/mtop-replay';
/** The largest response text handed on (and forwarded to the background). */
export const MAX_RESPONSE_CHARS = 5_000_000;
