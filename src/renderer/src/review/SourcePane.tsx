// The document text beside the grid, as inert text nodes only (never HTML), with the selected cell's span
// highlighted and scrolled into view. Very long lines are shortened for display around the span.
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Span } from '../../../shared/types';

const MAX_LINE = 2000;
const CONTEXT = 600;
const BLOCK = 200;

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, text: text.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function omitted(n: number): string {
  return ` …（省略 ${n} 字）… `;
}

/** One line, with the part of `span` that falls on it marked. */
const LineView = memo(function LineView({ line, span }: { line: Line; span: Span | null }) {
  const { text, start } = line;
  const from = span ? Math.max(0, span.start - start) : -1;
  const to = span ? Math.min(text.length, span.end - start) : -1;
  const hit = span !== null && to >= 0 && from <= text.length && (to > from || text.length === 0);
  if (!hit) {
    if (text.trim() === '') return <div className="src-line src-blank" />;
    if (text.length <= MAX_LINE) return <div className="src-line">{text}</div>;
    return (
      <div className="src-line">
        {text.slice(0, MAX_LINE)}
        <span className="src-omitted">{omitted(text.length - MAX_LINE)}</span>
      </div>
    );
  }
  const left = Math.max(0, from - CONTEXT);
  const right = Math.min(text.length, to + CONTEXT);
  const shorten = text.length > MAX_LINE;
  return (
    <div className="src-line src-line-hit">
      {shorten && left > 0 ? <span className="src-omitted">{omitted(left)}</span> : null}
      {shorten ? text.slice(left, from) : text.slice(0, from)}
      <mark className="src-mark">{text.slice(from, to) || '\u00a0'}</mark>
      {shorten ? text.slice(to, right) : text.slice(to)}
      {shorten && right < text.length ? (
        <span className="src-omitted">{omitted(text.length - right)}</span>
      ) : null}
    </div>
  );
});

function spanOnBlock(span: Span | null, lines: Line[]): Span | null {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!span || !first || !last) return null;
  const end = last.start + last.text.length;
  return span.end >= first.start && span.start <= end ? span : null;
}

const Block = memo(function Block({ lines, span }: { lines: Line[]; span: Span | null }) {
  return (
    <div className="src-block" style={{ containIntrinsicSize: `auto ${lines.length * 18}px` }}>
      {lines.map((l) => (
        <LineView key={l.start} line={l} span={spanOnBlock(span, [l])} />
      ))}
    </div>
  );
});

export const SourcePane = memo(function SourcePane({ text, span }: { text: string; span: Span | null }) {
  const blocks = useMemo(() => {
    const lines = splitLines(text);
    const out: Line[][] = [];
    for (let i = 0; i < lines.length; i += BLOCK) out.push(lines.slice(i, i + BLOCK));
    return out;
  }, [text]);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const mark = ref.current?.querySelector('.src-mark');
    if (mark) mark.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [span, text]);
  return (
    <div className="source-text" ref={ref} data-testid="source-text" lang="zh-CN">
      {blocks.map((lines) => (
        <Block key={lines[0]?.start ?? 0} lines={lines} span={spanOnBlock(span, lines)} />
      ))}
    </div>
  );
});
