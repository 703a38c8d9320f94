// Verify with standing errors: only with a note, which waives them.
import { useState } from 'react';
import { useT } from '../i18n';

export function WaiveDialog(props: {
  errors: number;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const [note, setNote] = useState('');
  return (
    <div className="modal-backdrop" role="presentation">
      <form
        className="modal"
        role="dialog"
        aria-labelledby="waive-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) props.onConfirm(note.trim());
        }}
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      >
        <h2 id="waive-title">{t('waiveTitle')}</h2>
        <p>{t('waiveText', { n: props.errors })}</p>
        <textarea
          autoFocus
          rows={3}
          value={note}
          placeholder={t('waiveNote')}
          onChange={(e) => setNote(e.target.value)}
        />
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={!note.trim()}>
            {t('verify')}
          </button>
        </div>
      </form>
    </div>
  );
}
