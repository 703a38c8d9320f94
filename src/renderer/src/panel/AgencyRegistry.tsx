// The agency registry beside the coverage matrix: the program's suggestions of agencies that may be one (merge
// with one click), and for a chosen agency its printed names (split one off), name and region; undo and redo.
import { useEffect, useState } from 'react';
import type { AgencyEdit, AgencySuggestion, AgencyView } from '../../../shared/panel';
import { api, errorText } from '../api';
import { useToast } from '../common/toast';
import { usePanelText } from './text';

export function AgencyRegistry({ active, onChanged }: { active: boolean; onChanged: () => void }) {
  const { p } = usePanelText();
  const toast = useToast();
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [suggestions, setSuggestions] = useState<AgencySuggestion[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [undo, setUndo] = useState({ canUndo: false, canRedo: false });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!active) return;
    void api.listAgencies().then(setAgencies);
    void api.agencySuggestions().then(setSuggestions);
  }, [active, generation]);

  const agency = agencies.find((a) => a.id === chosen) ?? null;
  useEffect(() => {
    setName(agency?.name ?? '');
    setRegion(agency?.region ?? '');
  }, [agency?.id, agency?.name, agency?.region]);

  const done = (r: { canUndo: boolean; canRedo: boolean; summary: string }): void => {
    setUndo({ canUndo: r.canUndo, canRedo: r.canRedo });
    toast(r.summary, 'success');
    setGeneration((g) => g + 1);
    onChanged();
  };
  const run = (edit: AgencyEdit): void =>
    void api.editAgency(edit).then(done, (e: unknown) => toast(errorText(e), 'error'));
  const step = (d: 'undo' | 'redo'): void =>
    void (d === 'undo' ? api.undoAgencyEdit() : api.redoAgencyEdit()).then(done, (e: unknown) =>
      toast(errorText(e), 'error'),
    );

  return (
    <aside className="registry" data-testid="registry">
      <h3>{p('agencies')}</h3>
      <div>
        <button type="button" disabled={!undo.canUndo && generation === 0} onClick={() => step('undo')}>
          {p('undoRegistry')}
        </button>
        <button type="button" disabled={!undo.canRedo} onClick={() => step('redo')}>
          {p('redoRegistry')}
        </button>
      </div>
      <select
        value={chosen ?? ''}
        onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : null)}
        aria-label={p('agencies')}
        data-testid="registry-agency"
      >
        <option value="" />
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}（{a.years.join('、')}）
          </option>
        ))}
      </select>
      {agency ? (
        <div>
          <p>
            <input value={name} onChange={(e) => setName(e.target.value)} aria-label={p('rename')} />
            <button type="button" onClick={() => run({ op: 'rename', agencyId: agency.id, name })}>
              {p('rename')}
            </button>
          </p>
          <p>
            <input value={region} onChange={(e) => setRegion(e.target.value)} aria-label={p('region')} />
            <button
              type="button"
              onClick={() => run({ op: 'setRegion', agencyId: agency.id, region: region.trim() || null })}
            >
              {p('setRegion')}
            </button>
          </p>
          <p className="muted">{p('names')}</p>
          <ul>
            {agency.names.map((n) => (
              <li key={n}>
                {n}
                {agency.names.length > 1 ? (
                  <button
                    type="button"
                    className="small"
                    onClick={() => run({ op: 'moveName', name: n, agencyId: null })}
                  >
                    {p('split')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>{p('suggestions')}</h3>
      {suggestions.length === 0 ? <p className="empty-note">{p('noSuggestions')}</p> : null}
      <ul data-testid="suggestions">
        {suggestions.slice(0, 50).map((s) => (
          <li key={`${s.a}-${s.b}`}>
            {s.aName} ⇄ {s.bName}
            <div className="muted">{s.reasons.join('；')}</div>
            <button
              type="button"
              className="small"
              onClick={() => run({ op: 'merge', agencyId: s.a, intoId: s.b })}
            >
              {p('merge', { name: s.bName })}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
