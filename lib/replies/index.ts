/** Suggested replies: the library, filling, ranking, the style check and packs. */
export { SHIPPED_REPLIES } from './library';
export { CATEGORY_LABEL, PLACEHOLDERS } from './model';
export type { Fit, PlaceholderName, ReplyCategory, ReplyTemplate } from './model';
export { fillTemplate, placeholderValues } from './fill';
export type { FillContext, Filled } from './fill';
export { fitScore, replyNeeds, suggestReplies } from './rank';
export type { Suggestion } from './rank';
export { checkStyle } from './style';
export type { StyleIssue } from './style';
export { exportPack, parsePack, PACK_FORMAT } from './pack';
