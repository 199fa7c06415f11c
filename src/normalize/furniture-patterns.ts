/**
 * Built-in signals for site furniture that a single line gives away by itself: the wording every
 * web page uses for ads, cookie banners, share bars, calls to action, "Read more:" links, comment
 * forms. They are general web boilerplate, never lines of the five seed articles (issue 3, item 5);
 * publisher-specific lines are found by the corpus pre-pass (shared-lines.ts) or config patterns.
 * Every pattern is anchored or bounded and runs only on lines of at most MAX_LINE characters.
 */
import { countWords, endsWithTerminal } from './text.js';

/** Furniture lines are short; a long line is prose and is never matched here. */
const MAX_LINE = 300;

const ADVERTISEMENT =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promoted content|partner content|story continues below(?: advertisement)?|article continues below(?: advertisement)?|continue reading(?: the main story| below)?|scroll to continue(?: with content)?)$/i;

const COOKIE =
  /\b(?:uses?|using|use of|accept(?: all)?|allow(?: all)?|reject(?: all)?|manage)\s+cookies\b|\bcookies?\s+(?:policy|settings|preferences|consent|notice|to (?:improve|give|provide|personali[sz]e|analy[sz]e))\b/i;

/** Words a share or follow bar is made of. A line made only of these (and one network or verb) is a share bar. */
const SOCIAL_WORDS: ReadonlySet<string> = new Set([
  'share', 'shares', 'sharing', 'shared', 'this', 'the', 'article', 'story', 'page', 'post', 'on', 'via',
  'with', 'to', 'your', 'friends', 'by', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram',
  'email', 'e-mail', 'mail', 'print', 'tweet', 'pin', 'pinterest', 'reddit', 'copy', 'link', 'url',
  'messenger', 'vk', 'viber', 'instagram', 'youtube', 'tiktok', 'flipboard', 'pocket', 'save', 'bookmark',
  'follow', 'us', 'like', 'google', 'news', 'sms', 'comment', 'comments', 'and', 'or',
]);
const SOCIAL_CORE: ReadonlySet<string> = new Set([
  'share', 'tweet', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'telegram', 'pinterest', 'reddit',
  'email', 'e-mail', 'print', 'instagram', 'youtube', 'tiktok', 'flipboard', 'messenger', 'viber', 'vk',
]);
const SOCIAL_NETWORK =
  /\b(?:facebook|twitter|x|linkedin|whatsapp|telegram|instagram|youtube|tiktok|pinterest|reddit|google news|threads|mastodon|bluesky)\b/i;

const FOLLOW_US = /^(?:please\s+)?(?:follow|like|join|find|connect with|subscribe to)\s+(?:us|our)\b/i;
const FOLLOW = /^(?:please\s+)?(?:follow|subscribe to|connect with)\b/i;
const CALL_TO_ACTION =
  /^(?:please\s+)?(?:subscribe|sign up|sign-up|signup|register|download|click here|tap here|get (?:our|breaking)|become a (?:member|subscriber|supporter)|support (?:our|independent)|donate|don't miss|never miss)\b/i;
const NEWSLETTER = /\bnewsletters?\b|\bsubscribe\b|\bour app\b|\bunlimited access\b|\bfree trial\b/i;

const READ_MORE =
  /^(?:read more|read also|also read|see also|more on this(?: story)?|more:|read next|read the full (?:story|article)|click to read|related(?: article| story| news| coverage)?\s*:|recommended\s*:|watch\s*:|listen\s*:)/i;

const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\.?$/i;
const NAVIGATION = /^(?:home|news|world)\s*[>»›|/]\s*\S/i;
const CAPTION = /^(?:photo|image|picture|file photo|video|graphic|illustration)s?(?: credit)?\s*[:|]\s*\S/i;
const TAG_LINE = /^(?:tags?|topics?|keywords|filed under|tagged(?: with)?|categories|category)\s*:\s*\S/i;

/** Lines of a comment form: the fields and prompts that come after a "Comments" heading. */
const COMMENT_FORM_LINE =
  /\byour (?:e-?mail|email address) (?:address )?will not be published\b|\brequired fields are marked\b|\bfill (?:in |out )?(?:all |the |these |in the )?(?:required |following )?fields\b|^(?:name|e-?mail|website|comment|your comment|message)\s*\*?\s*:?$|^(?:post|submit|send)(?: (?:a |your )?comment)?$|\bmust be logged in to (?:post|comment)\b|\bcharacters? (?:left|remaining)\b|^captcha\b|\bnotify me of (?:new|follow-up)\b|\bsave my name, email\b/i;
const COMMENT_MARKER = /\b(?:comments?|replies|reply|discussion|conversation|responses)\b/i;

/** Headings that open a block of the site's own links to other stories. */
const RELATED_MARKER =
  /^(?:related|related (?:news|articles?|stories|posts|content|coverage|links|reading|topics)|more (?:news|stories|from [\p{L} .]{2,30}|on this (?:story|topic))|you (?:may|might) also (?:like|be interested in)|read also|see also|also read|also on [\p{L} .]{2,30}|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|latest (?:news|stories)|top stories|editor'?s picks|recommended(?: for you| stories| articles)?|what to read next|read next|don'?t miss)$/iu;
const TAG_MARKER = /^(?:tags?|topics?|keywords|filed under|tagged(?: with)?)$/i;

/** A reason code for a line that is furniture on its own, or null. `text` is the folded line. */
export function matchLinePattern(text: string): string | null {
  if (text.length > MAX_LINE) return null;
  // "* * *", "—", "###": a visual break, no words.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'separator';
  const bare = text.replace(/^[\s\-–—[(*•|]+|[\s\-–—\])*•|]+$/gu, '');
  if (ADVERTISEMENT.test(bare)) return 'advertisement';
  if (COPYRIGHT.test(text)) return 'copyright';
  if (COMMENT_FORM_LINE.test(text)) return 'comment-form';
  if (READ_MORE.test(text)) return 'read-more';
  if (TAG_LINE.test(text)) return 'tag-list';
  if (NAVIGATION.test(text)) return 'navigation';
  if (CAPTION.test(text) && countWords(text) <= 15) return 'photo-credit';
  if (isShareLine(text)) return 'share-line';
  const words = countWords(text);
  if (words <= 15 && (FOLLOW_US.test(text) || (FOLLOW.test(text) && SOCIAL_NETWORK.test(text)))) {
    return SOCIAL_NETWORK.test(text) ? 'share-line' : 'call-to-action';
  }
  if (CALL_TO_ACTION.test(text) && words <= 25 && (NEWSLETTER.test(text) || (!endsWithTerminal(text) && words <= 12))) {
    return 'call-to-action';
  }
  if (words <= 60 && COOKIE.test(text)) return 'cookie-notice';
  return null;
}

/** True for a share/follow bar: only social words, at least one network or share verb. */
export function isShareLine(text: string): boolean {
  if (countWords(text) > 24) return false;
  const tokens = text.toLowerCase().split(/[\s|·•/,:;()[\]]+/u).filter((t) => t !== '' && !/^[-–—+]+$/u.test(t));
  if (tokens.length === 0 || tokens.length > 12) return false;
  return tokens.every((t) => SOCIAL_WORDS.has(t)) && tokens.some((t) => SOCIAL_CORE.has(t));
}

/** True for a field or prompt of a comment form. */
export function isCommentFormLine(text: string): boolean {
  return COMMENT_FORM_LINE.test(text);
}

/** True for a short heading that may open a comment section ("Comments About This Article", "3 Comments"). */
export function isCommentMarker(text: string): boolean {
  return countWords(text) <= 6 && !/[.!?]$/.test(text) && COMMENT_MARKER.test(text);
}

/** The reason for a heading that opens an end-of-article link block ("Related", "Tags"), or null. */
export function matchEndMarker(text: string): 'related-block' | 'tag-list' | null {
  if (text.length > 64) return null;
  const bare = text.replace(/[\s:]+$/u, '');
  if (RELATED_MARKER.test(bare)) return 'related-block';
  if (TAG_MARKER.test(bare)) return 'tag-list';
  return null;
}
