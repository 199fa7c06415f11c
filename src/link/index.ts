/** Link stage: the archive as a whole. Pure functions over all articles; each near-linear. */
export { assignUniqueSlugs, assignTopicSlugs } from './slugs.js';
export { buildTopics, type LinkedTopic, type TopicInfo } from './topics.js';
export { findStories } from './stories.js';
export { buildTimeline, eventsByTopic, timelineWithMemo, type TimelineMemo } from './timeline.js';
export { findRelated } from './related.js';
export { sortArticles } from './order.js';
