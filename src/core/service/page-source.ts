// The source pane's view of a PDF report or page image: the box of a span of its text (from the stored layout) and
// its pages as images (drawn from the report's file, which must still hold the content that was read; a PNG/JPEG
// page image read by OCR is shown as it is).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Outcome, PageBox, PageImageView, SourceLocation } from '../../shared/api';
import type { Span } from '../../shared/types';
import { MAX_BYTES } from '../read/failure';
import { renderPdfPage } from '../read/pdf/render-page';
import type { PageLayout } from '../read/types';
import { documentLayout, reportFile, type Store } from '../store';

/** The box of `span`: the union of the boxes of the text runs it overlaps on the page where it starts. */
export function boxOfSpan(layout: PageLayout, span: Span): PageBox | null {
  const hits = layout.runs.filter((r) =>
    span.end > span.start
      ? r.start < span.end && r.end > span.start
      : r.start <= span.start && span.start <= r.end,
  );
  const first = hits[0];
  if (!first) return null;
  const onPage = hits.filter((r) => r.box.page === first.box.page).map((r) => r.box);
  const x = Math.min(...onPage.map((b) => b.x));
  const y = Math.min(...onPage.map((b) => b.y));
  return {
    page: first.box.page,
    x,
    y,
    width: Math.max(...onPage.map((b) => b.x + b.width)) - x,
    height: Math.max(...onPage.map((b) => b.y + b.height)) - y,
  };
}

export function sourceLocation(db: Store, reportId: number, span: Span | null): SourceLocation | null {
  const layout = documentLayout(db, reportId);
  if (!layout) return null;
  return { pages: layout.pages, box: span ? boxOfSpan(layout, span) : null };
}

/** The report's bytes from the first of its paths that still holds the same content. */
async function originalBytes(db: Store, reportId: number): Promise<Uint8Array | string> {
  const file = reportFile(db, reportId);
  if (!file) return `报告不存在：#${reportId} (no such report)`;
  for (const path of file.paths) {
    try {
      const bytes = await readFile(path);
      if (bytes.length > MAX_BYTES) continue;
      if (createHash('sha256').update(bytes).digest('hex') === file.sha256) return new Uint8Array(bytes);
    } catch {
      // Gone or unreadable since the last scan: try the next path.
    }
  }
  return '原文件已移动、删除或更改，无法显示页面（the original file is gone or changed）';
}

/** Page images OCR reads, by their first bytes: shown as they are (one page, boxes in their own pixels). */
const IMAGE_TYPES: { sig: number[]; mime: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47], mime: 'image/png' },
  { sig: [0xff, 0xd8, 0xff], mime: 'image/jpeg' },
  { sig: [0x47, 0x49, 0x46, 0x38], mime: 'image/gif' },
];

function imageMime(bytes: Uint8Array): string | null {
  if (bytes.length > 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return IMAGE_TYPES.find((t) => t.sig.every((b, i) => bytes[i] === b))?.mime ?? null;
}

export async function pageImage(
  db: Store,
  reportId: number,
  page: number,
  scale: number,
): Promise<Outcome<PageImageView>> {
  const bytes = await originalBytes(db, reportId);
  if (typeof bytes === 'string') return { ok: false, reason: bytes };
  const mime = imageMime(bytes);
  if (mime) {
    const size = documentLayout(db, reportId)?.pages[0];
    if (page !== 1 || !size)
      return { ok: false, reason: `无法显示第 ${page} 页（图片只有 1 页）(no such page)` };
    return {
      ok: true,
      value: {
        page: 1,
        pageCount: 1,
        dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`,
        width: size.width,
        height: size.height,
        scale: 1,
      },
    };
  }
  try {
    const image = await renderPdfPage(bytes, page, scale);
    return {
      ok: true,
      value: {
        page,
        pageCount: image.pageCount,
        dataUrl: `data:image/png;base64,${image.png.toString('base64')}`,
        width: image.width,
        height: image.height,
        scale: image.scale,
      },
    };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, reason: `无法显示第 ${page} 页：${detail}` };
  }
}
