// Verify with something still open: every standing error is listed and waived on its own with its own note (a
// note can be copied to the selected errors, but only by an explicit selection); an error about a value the
// reviewer typed says so and needs its own confirmation; cells to review the reviewer has not looked at are listed.
import { useMemo, useState } from 'react';
import type { CellView, FindingView } from '../../../shared/api';
import { useT } from '../i18n';
import { cellLabel } from './layout';
import { formatValue } from './values';

interface Props {
  errors: readonly FindingView[];
  unseen: readonly string[];
  cells: ReadonlyMap<string, CellView>;
  onConfirm: (waivers: { findingId: number; note: string }[]) => void;
  onCancel: () => void;
  onGo: (key: string) => void;
}

export function VerifyDialog({ errors, unseen, cells, onConfirm, onCancel, onGo }: Props) {
  const tr = useT();
  const { t } = tr;
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [ownChecked, setOwnChecked] = useState<Set<number>>(new Set());
  const [bulk, setBulk] = useState('');
  const [unseenAck, setUnseenAck] = useState(false);

  const missing = errors.filter((e) => !notes[e.id]?.trim()).length;
  const ownOpen = errors.filter((e) => e.editedKeys.length > 0 && !ownChecked.has(e.id)).length;
  const ready = missing === 0 && ownOpen === 0 && (unseen.length === 0 || unseenAck);
  const toggle = (set: Set<number>, id: number): Set<number> => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const ownText = useMemo(
    () =>
      new Map(
        errors.map((e) => [
          e.id,
          e.editedKeys
            .map((k) => `${cellLabel(k, cells)} = ${formatValue(cells.get(k)?.value) || '∅'}`)
            .join('；'),
        ]),
      ),
    [errors, cells],
  );

  return (
    <div className="modal-backdrop" role="presentation">
      <form
        className="modal wide verify-dialog"
        role="dialog"
        aria-labelledby="verify-title"
        data-testid="verify-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          onConfirm(errors.map((f) => ({ findingId: f.id, note: notes[f.id]!.trim() })));
        }}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      >
        <h2 id="verify-title">{t('verifyTitle')}</h2>
        {errors.length > 0 ? (
          <>
            <p>{t('verifyErrors', { n: errors.length })}</p>
            <div className="verify-bulk">
              <button type="button" onClick={() => setSelected(new Set(errors.map((e) => e.id)))}>
                {t('verifySelectAll')}
              </button>
              <button type="button" onClick={() => setSelected(new Set())}>
                {t('verifySelectNone')}
              </button>
              <input
                value={bulk}
                placeholder={t('waiveNote')}
                onChange={(e) => setBulk(e.target.value)}
                aria-label={t('verifyApplyNote', { n: selected.size })}
              />
              <button
                type="button"
                disabled={selected.size === 0 || !bulk.trim()}
                onClick={() =>
                  setNotes((n) => {
                    const next = { ...n };
                    for (const id of selected) next[id] = bulk.trim();
                    return next;
                  })
                }
              >
                {t('verifyApplyNote', { n: selected.size })}
              </button>
            </div>
            <ol className="verify-errors">
              {errors.map((f, i) => (
                <li
                  key={f.id}
                  data-testid="verify-error"
                  data-finding-id={f.id}
                  data-own={f.editedKeys.length > 0 ? 'true' : 'false'}
                >
                  <label className="verify-error-head">
                    <input
                      type="checkbox"
                      checked={selected.has(f.id)}
                      onChange={() => setSelected((s) => toggle(s, f.id))}
                    />
                    <strong title={`${t('ruleId')}：${f.rule}`}>{tr.rule(f.rule)}</strong>
                    <span className="finding-message">{tr.message(f.message)}</span>
                  </label>
                  {f.editedKeys.length > 0 ? (
                    <div className="verify-own" role="alert">
                      {t('verifyOwnValue', { cells: ownText.get(f.id) ?? '' })}
                      <label>
                        <input
                          type="checkbox"
                          checked={ownChecked.has(f.id)}
                          onChange={() => setOwnChecked((s) => toggle(s, f.id))}
                          data-testid="verify-own-confirm"
                        />
                        {t('verifyOwnConfirm')}
                      </label>
                    </div>
                  ) : null}
                  <input
                    className="verify-note"
                    autoFocus={i === 0}
                    value={notes[f.id] ?? ''}
                    placeholder={t('waiveNote')}
                    aria-label={`${t('waiveNote')} ${i + 1}`}
                    disabled={f.editedKeys.length > 0 && !ownChecked.has(f.id)}
                    onChange={(e) => setNotes((n) => ({ ...n, [f.id]: e.target.value }))}
                  />
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {unseen.length > 0 ? (
          <div className="verify-unseen" data-testid="verify-unseen">
            <p>{t('verifyUnseen', { n: unseen.length })}</p>
            <ul>
              {unseen.slice(0, 12).map((k) => (
                <li key={k}>
                  {cellLabel(k, cells)}{' '}
                  <button type="button" className="link" onClick={() => onGo(k)}>
                    {t('verifyGo')}
                  </button>
                </li>
              ))}
              {unseen.length > 12 ? <li>…</li> : null}
            </ul>
            <label>
              <input
                type="checkbox"
                checked={unseenAck}
                onChange={(e) => setUnseenAck(e.target.checked)}
                data-testid="verify-unseen-ack"
              />
              {t('verifyUnseenAck')}
            </label>
          </div>
        ) : null}
        <div className="modal-actions">
          <span className="muted">{missing > 0 ? t('verifyNotesMissing', { n: missing }) : ''}</span>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready} data-testid="verify-confirm">
            {errors.length > 0 ? t('verifyWithWaivers') : t('verify')}
          </button>
        </div>
      </form>
    </div>
  );
}
