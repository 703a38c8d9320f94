/**
 * Bumped whenever extraction output can change, so stored reports are re-extracted. 6: scans (image-only PDFs) and
 * page images are read by OCR, where version 5 stored them as failures.
 */
export const EXTRACTOR_VERSION = 6;
