// The original beside the grid: the published page or Word file, sanitised by core, shown in a sandboxed frame
// (no scripts, no network: the frame's own CSP and an allowlist of tags), with the selected cell's table cell
// highlighted and scrolled to. The page reads the frame's document (same origin, scripts off) to mark the cell.
import { memo, useEffect, useRef, useState } from 'react';
import type { OriginalView as Original } from '../../../shared/api';
import type { Span } from '../../../shared/types';
import { api, errorText } from '../api';
import { useT } from '../i18n';

interface Props {
  reportId: number;
  /** Changes on every open and every reload of the report, so a changed file is shown anew. */
  version: string;
  span: Span | null;
}

function covers(el: Element, span: Span): boolean {
  const s = Number(el.getAttribute('data-s'));
  const e = Number(el.getAttribute('data-e'));
  return span.start === span.end ? s <= span.start && span.start <= e : s < span.end && span.start < e;
}

/** Marks the table cell holding `span`; true when one was found. */
function highlight(doc: Document | null | undefined, span: Span | null): boolean {
  if (!doc) return false;
  for (const el of doc.querySelectorAll('.nb-hit')) el.classList.remove('nb-hit');
  if (!span) return false;
  for (const el of doc.querySelectorAll('[data-s]')) {
    if (!covers(el, span)) continue;
    el.classList.add('nb-hit');
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }
  return false;
}

export const OriginalView = memo(function OriginalView({ reportId, version, span }: Props) {
  const { t } = useT();
  const [original, setOriginal] = useState<Original | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [hit, setHit] = useState<boolean | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const spanRef = useRef(span);
  spanRef.current = span;

  useEffect(() => {
    let live = true;
    setOriginal(null);
    setLoaded(false);
    performance.mark('nianbao:original-start');
    api.getOriginal({ reportId }).then(
      (o) => live && setOriginal(o),
      (err: unknown) => live && setOriginal({ kind: 'unavailable', reason: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [reportId, version]);

  useEffect(() => {
    if (!loaded) return;
    setHit(span ? highlight(frame.current?.contentDocument, span) : null);
  }, [span, loaded]);

  if (!original) return <div className="empty-note">{t('originalLoading')}</div>;
  if (original.kind === 'unavailable')
    return (
      <div className="empty-note" data-testid="original-unavailable">
        {original.reason}
      </div>
    );
  if (original.kind === 'text') return null;
  return (
    <div
      className="original-view"
      data-testid="original-view"
      data-original-state={loaded ? 'loaded' : 'busy'}
      data-hit={hit === null ? '' : String(hit)}
    >
      {!original.spansMatch ? <div className="banner banner-warn">{t('originalChanged')}</div> : null}
      {loaded && span && hit === false && original.spansMatch ? (
        <div className="original-note muted">{t('originalNoSpan')}</div>
      ) : null}
      <iframe
        ref={frame}
        title={t('original')}
        // No allow-scripts: nothing in the page can run. allow-same-origin only lets this page mark a cell.
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
        srcDoc={original.html}
        onLoad={() => {
          setHit(spanRef.current ? highlight(frame.current?.contentDocument, spanRef.current) : null);
          setLoaded(true);
          requestAnimationFrame(() => setTimeout(() => performance.mark('nianbao:original-painted'), 0));
        }}
      />
    </div>
  );
});
