export {
  extractHashtags,
  extractHashtagSpellings,
  extractMentions,
  normaliseTag,
} from './hashtags.parse.ts';
export {
  aliasTarget,
  countVisible,
  ensureHashtags,
  findHashtag,
  relatedTags,
  resolveAliases,
  setPostHashtags,
} from './hashtags.queries.ts';
export type { Meaning } from './hashtags.table.ts';
export { hashtagAdminApi, hashtagAdminRoutes } from './hashtags.admin.tsx';
