/** Bumped whenever extraction output can change, so stored reports are re-extracted. */
export const EXTRACTOR_VERSION = 6;
