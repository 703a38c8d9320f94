// The source pane's view of a PDF report: the box of a span of its text (from the stored layout) and its pages as
// images (drawn from the report's file, which must still hold the content that was read).
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

export async function pageImage(
  db: Store,
  reportId: number,
  page: number,
  scale: number,
): Promise<Outcome<PageImageView>> {
  const bytes = await originalBytes(db, reportId);
  if (typeof bytes === 'string') return { ok: false, reason: bytes };
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
