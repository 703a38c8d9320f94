// The original page of a PDF report beside the grid: the page image with the selected cell's box highlighted,
// zoom and page navigation, and a switch to the document text (`children`, the SourcePane).
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PageImageView, SourceLocation } from '../../../shared/api';
import type { Span } from '../../../shared/types';
import { api, errorText } from '../api';
import { useT } from '../i18n';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Props {
  reportId: number;
  /** Changes on every open and every reload of the report, so a changed file is shown anew. */
  version: string;
  span: Span | null;
  children: ReactNode;
}

/** Pixels per point asked of the main process: enough for the shown width, in quarter steps (bounded there). */
function scaleFor(shownWidth: number, pageWidth: number): number {
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const wanted = (shownWidth * dpr) / Math.max(1, pageWidth);
  return Math.min(4, Math.max(0.5, Math.ceil(wanted * 4) / 4));
}

export const PageView = memo(function PageView({ reportId, version, span, children }: Props) {
  const { t } = useT();
  const [location, setLocation] = useState<SourceLocation | null | undefined>(undefined);
  const [mode, setMode] = useState<'page' | 'text'>('page');
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [image, setImage] = useState<PageImageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [width, setWidth] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  const start = span?.start ?? -1;
  const end = span?.end ?? -1;
  useEffect(() => {
    let live = true;
    api
      .getSourceLocation({ reportId, span: start >= 0 ? { start, end } : null })
      .then((loc) => {
        if (!live) return;
        setLocation(loc);
        if (loc?.box) setPage(loc.box.page);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [reportId, version, start, end]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [mode, location]);

  const pages = location?.pages ?? [];
  const pageSize = pages[page - 1];
  const shownWidth = Math.max(100, (width - 16) * zoom);
  const scale = pageSize ? scaleFor(shownWidth, pageSize.width) : 0;
  useEffect(() => {
    if (mode !== 'page' || !scale) return;
    let live = true;
    api
      .getPageImage({ reportId, page, scale })
      .then((result) => {
        if (!live) return;
        if (result.ok) {
          setImage(result.value);
          setError(null);
        } else setError(result.reason);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [reportId, version, page, scale, mode]);

  const box = location?.box && location.box.page === page && pageSize ? location.box : null;
  useEffect(() => {
    if (box && image?.page === page) boxRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [box, image, page]);

  // Not a PDF with a stored layout (or still asking): the text, as for every other format.
  if (!location) return <>{children}</>;
  const count = pages.length;
  const shown = image && image.page === page ? image : null;
  return (
    <div className="page-source" data-testid="page-source">
      <div className="page-tools">
        <button type="button" aria-pressed={mode === 'page'} onClick={() => setMode('page')}>
          {t('sourcePage')}
        </button>
        <button type="button" aria-pressed={mode === 'text'} onClick={() => setMode('text')}>
          {t('sourceText')}
        </button>
        {mode === 'page' ? (
          <>
            <span className="page-tools-gap" />
            <button
              type="button"
              title={t('previousPage')}
              aria-label={t('previousPage')}
              disabled={page <= 1}
              onClick={() => setPage((p) => Math.max(1, p - 1))}
            >
              ‹
            </button>
            <span data-testid="page-number">{t('pageOf', { page, count })}</span>
            <button
              type="button"
              title={t('nextPage')}
              aria-label={t('nextPage')}
              disabled={page >= count}
              onClick={() => setPage((p) => Math.min(count, p + 1))}
            >
              ›
            </button>
            <span className="page-tools-gap" />
            <button
              type="button"
              title={t('zoomOut')}
              aria-label={t('zoomOut')}
              disabled={zoom <= ZOOMS[0]!}
              onClick={() => setZoom((z) => ZOOMS[Math.max(0, ZOOMS.indexOf(z) - 1)]!)}
            >
              −
            </button>
            <span data-testid="page-zoom">{Math.round(zoom * 100)}%</span>
            <button
              type="button"
              title={t('zoomIn')}
              aria-label={t('zoomIn')}
              disabled={zoom >= ZOOMS[ZOOMS.length - 1]!}
              onClick={() => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(z) + 1)]!)}
            >
              +
            </button>
          </>
        ) : null}
      </div>
      {mode === 'text' ? (
        children
      ) : (
        <div className="page-view" ref={scroller} data-testid="page-view">
          {error ? <div className="page-error">{error}</div> : null}
          {!shown && !error ? <div className="page-loading">{t('pageLoading')}</div> : null}
          {shown && pageSize ? (
            <div className="page-canvas" style={{ width: shownWidth }}>
              <img
                src={shown.dataUrl}
                alt={t('pageOf', { page, count })}
                data-testid="page-image"
                data-page={page}
              />
              {box ? (
                <div
                  ref={boxRef}
                  className="page-box"
                  data-testid="page-box"
                  style={{
                    left: `${(box.x / pageSize.width) * 100}%`,
                    top: `${(box.y / pageSize.height) * 100}%`,
                    width: `${(box.width / pageSize.width) * 100}%`,
                    height: `${(box.height / pageSize.height) * 100}%`,
                  }}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      )}
    </div>
  );
});
