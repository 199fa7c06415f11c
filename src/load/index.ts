/** Load stage: the only place (with write/) that reads the file system. */
export { findSources, isDirectory, ARTICLE_EXTENSIONS } from './find-sources.js';
export { readSource } from './read-source.js';
export { decodeText } from './decode-text.js';
export { loadConfig } from './read-config.js';
export { readTheme, readOptionalText, REQUIRED_TEMPLATES, type Theme } from './read-theme.js';
export { outputManifestFile, outputManifestStamp, readArticleShard, readOutputManifest, readSearchCache, readTimelineMemo } from './read-cache.js';
export { fileStat, isSettled, readSourceIndex, sameFile, type FileStat, type KnownSource, type SourceIndex } from './source-index.js';
export { lookUpLiveSizes, sizesByPath, LIVE_SIZES_FROM, type FoundSizes, type LiveFiles, type LiveSizes, type LiveSizesLookup } from './live-sizes.js';
export { toolVersions, OTHER_DEPENDENCIES, PAGE_TOOLS, RECORD_TOOLS, type ToolVersions } from './tool-versions.js';
