// The coverage matrix: one row per agency, one column per year, the status of the reports each cell holds.
// Filters by region, status, years and name; a click opens the report (or the failed file); the gaps export.
import { useCallback, useEffect, useState } from 'react';
import {
  COVERAGE_STATUSES,
  COVERAGE_SYMBOLS,
  type Coverage,
  type CoverageQuery,
  type CoverageStatus,
} from '../../../shared/panel';
import { api, errorText } from '../api';
import { useToast } from '../common/toast';
import { AgencyRegistry } from './AgencyRegistry';
import { parseYearRange, usePanelText } from './text';
import './panel.css';

interface Props {
  active: boolean;
  onOpenReport: (reportId: number) => void;
  onBack: () => void;
}

export function CoverageScreen({ active, onOpenReport, onBack }: Props) {
  const { p, statusText } = usePanelText();
  const toast = useToast();
  const [data, setData] = useState<Coverage | null>(null);
  const [region, setRegion] = useState('');
  const [status, setStatus] = useState<CoverageStatus | ''>('');
  const [yearsText, setYearsText] = useState('');
  const [agency, setAgency] = useState('');
  const [generation, setGeneration] = useState(0);
  const years = parseYearRange(yearsText);

  const query: CoverageQuery = {
    ...(region ? { region } : {}),
    ...(status ? { status } : {}),
    ...(years && years.length > 0 ? { years } : {}),
    ...(agency.trim() ? { agency: agency.trim() } : {}),
  };
  const key = JSON.stringify(query);

  useEffect(() => {
    if (!active) return;
    let live = true;
    api.coverage(JSON.parse(key) as CoverageQuery).then(
      (c) => live && setData(c),
      (err: unknown) => toast(errorText(err), 'error'),
    );
    return () => {
      live = false;
    };
  }, [active, key, generation, toast]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = api.on('reportsChanged', () => {
      timer ??= setTimeout(() => {
        timer = null;
        setGeneration((g) => g + 1);
      }, 500);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  const exportGaps = async (): Promise<void> => {
    try {
      const out = await api.exportDataset({
        format: 'xlsx',
        shapes: ['gaps'],
        includeAll: true,
        ...(years && years.length > 0 ? { years } : {}),
        ...(region ? { region } : {}),
        ...(agency.trim() ? { agency: agency.trim() } : {}),
      });
      if (out?.ok) toast(p('gapsDone', { files: out.value.files.join('、') }), 'info');
      else if (out) toast(out.reason, 'error');
    } catch (err) {
      toast(errorText(err), 'error');
    }
  };

  return (
    <div className="panel-screen" data-testid="coverage" data-coverage-state={data ? 'loaded' : 'loading'}>
      <div className="toolbar">
        <button type="button" onClick={onBack}>
          {p('back')}
        </button>
        <strong>{p('coverageTitle')}</strong>
        <select value={region} onChange={(e) => setRegion(e.target.value)} aria-label={p('region')}>
          <option value="">{p('allRegions')}</option>
          {data?.regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as CoverageStatus | '')}
          aria-label={p('anyStatus')}
          data-testid="coverage-status"
        >
          <option value="">{p('anyStatus')}</option>
          {COVERAGE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {COVERAGE_SYMBOLS[s]} {statusText(s)}
            </option>
          ))}
        </select>
        <input
          value={yearsText}
          onChange={(e) => setYearsText(e.target.value)}
          placeholder={p('yearsPlaceholder')}
          aria-label={p('years')}
          className={years === null ? 'invalid' : undefined}
          data-testid="coverage-years"
        />
        <input value={agency} onChange={(e) => setAgency(e.target.value)} placeholder={p('agencyFilter')} />
        <button type="button" onClick={() => void exportGaps()} data-testid="export-gaps">
          {p('exportGaps')}
        </button>
        <span className="muted">
          {data
            ? p('rowsShown', { rows: data.rows.length, years: data.years.length, ms: Math.round(data.ms) })
            : ''}
        </span>
      </div>
      <div className="panel-body">
        <div className="coverage-scroll">
          {data && data.rows.length === 0 ? <p className="empty-note">{p('noReports')}</p> : null}
          {data ? <Matrix data={data} onOpenReport={onOpenReport} /> : null}
          {data && data.unplaced.length > 0 ? (
            <details>
              <summary>{p('unplaced', { n: data.unplaced.length })}</summary>
              <ul>
                {data.unplaced.slice(0, 200).map((u) => (
                  <li key={u.reportId}>
                    <button type="button" className="link" onClick={() => onOpenReport(u.reportId)}>
                      {u.path}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <AgencyRegistry active={active} onChanged={refresh} />
      </div>
    </div>
  );
}

function Matrix({ data, onOpenReport }: { data: Coverage; onOpenReport: (id: number) => void }) {
  const { statusText } = usePanelText();
  return (
    <table className="coverage">
      <thead>
        <tr>
          <th className="agency" />
          {data.years.map((y) => (
            <th key={y}>{y}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => {
          const byYear = new Map(row.cells.map((c) => [c.year, c]));
          return (
            <tr key={row.agencyId} data-agency-id={row.agencyId}>
              <td className="agency" title={row.region ?? ''}>
                {row.name}
              </td>
              {data.years.map((year) => {
                const cell = byYear.get(year);
                const s: CoverageStatus = cell?.status ?? 'none';
                return (
                  <td key={year} className={`cov-${s}`} data-year={year} data-status={s}>
                    {cell ? (
                      <button
                        type="button"
                        title={`${row.name} ${year}：${statusText(s)}`}
                        onClick={() => onOpenReport(cell.reportIds[0]!)}
                      >
                        {COVERAGE_SYMBOLS[s]}
                        {cell.findings > 0 ? <span className="cov-flag">{cell.findings}</span> : null}
                      </button>
                    ) : (
                      <span title={`${row.name} ${year}：${statusText(s)}`}>{COVERAGE_SYMBOLS[s]}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
