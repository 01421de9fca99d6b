// Public API of @claimdesk/matching: has this claim been checked before? Library files in, ranked matches with reasons
// out. Pure: no database, no HTTP; the model and word vectors ship in libs/matching/model.
export { buildIndexSnapshot, Matcher } from './matcher';
export { snapshotBuffers } from './features';
export type { IndexSnapshot } from './features';
export type { Match, MatchableEntry, MatcherOptions } from './matcher';
export type { MatchReasons } from './reasons';
export { matchReasons } from './reasons';
export { normaliseClaim, postTrailer } from './normalise';
export { collectLibrary, Deduplicator, entryKeys, LibraryFileError, parseLibrary, readLibraryFile } from './library-file';
export type { CollectOptions, LibraryEntry, LibraryFileErrorCode, LibraryFileReport, LibraryFormat, ParseEvent, ParseOptions } from './library-file';
