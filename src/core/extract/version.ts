/**
 * Bumped whenever extraction output can change, so stored reports are re-extracted. 6: PDF tables (split label
 * cells, `1、` numbering). 7: scans (image-only PDFs) and page images are read by OCR, where 6 stored them as failures.
 */
export const EXTRACTOR_VERSION = 7;
