// First-start and help dialogs.
import { useState } from 'react';
import { useT } from '../i18n';

export function NameDialog(props: {
  initial: string;
  onSave: (name: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState(props.initial);
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-labelledby="name-title"
        data-testid="name-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) props.onSave(name.trim());
        }}
      >
        <h2 id="name-title">{t('nameTitle')}</h2>
        <p>{t('nameText')}</p>
        <input
          autoFocus
          maxLength={60}
          value={name}
          placeholder={t('namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          aria-label={t('nameTitle')}
        />
        <div className="modal-actions">
          {props.onCancel ? (
            <button type="button" onClick={props.onCancel}>
              {t('cancel')}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('save')}
          </button>
        </div>
      </form>
    </div>
  );
}

export function Welcome(props: { onChoose: () => void; onSamples: () => void }) {
  const { t } = useT();
  return (
    <div className="welcome" data-testid="welcome">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeText')}</p>
      <div className="welcome-actions">
        <button type="button" className="primary big" onClick={props.onChoose}>
          {t('chooseFolder')}
        </button>
        <button type="button" className="big" onClick={props.onSamples} data-testid="use-samples">
          {t('useSamples')}
        </button>
      </div>
    </div>
  );
}

const SHORTCUTS: [string, string, string][] = [
  ['↑ ↓ ← →', '移动单元格', 'Move between cells'],
  ['Enter / F2', '编辑；Enter 保存并下移', 'Edit; Enter saves and moves down'],
  ['Tab / Shift+Tab', '下一个 / 上一个可编辑单元格', 'Next / previous editable cell'],
  ['Esc', '取消编辑', 'Cancel the edit'],
  [
    'F8 / Shift+F8',
    '下一个 / 上一个问题（最后一个之后再按一次打开下一份待审报告）',
    'Next / previous finding, then the next report',
  ],
  ['A', '采纳建议值', 'Accept the suggested value'],
  ['Ctrl+Z / Ctrl+Shift+Z', '撤销 / 重做（重启后仍有效）', 'Undo / redo (kept across restarts)'],
  [
    'Ctrl+Enter',
    '核验（无未处理的错误和未查看的需审核单元格时一键完成）',
    'Verify (one key when nothing is open or unseen)',
  ],
  ['Ctrl+H', '单元格修改历史', 'Cell history'],
  ['Ctrl+Shift+N', '下一份待审报告', 'Next report to review'],
  ['Alt+←', '返回报告队列', 'Back to the queue'],
  ['Ctrl+O', '选择报告文件夹', 'Choose the report folder'],
  ['Ctrl+E', '导出数据集', 'Export the dataset'],
];

const LEGEND: [string, string, string][] = [
  ['state-confirmed', '算术已确认：按原文读取，且表内勾稽关系成立', 'Confirmed by arithmetic'],
  ['state-unconfirmed', '已读未确认：按原文读取，但没有规则可以验证', 'Read, unconfirmed: no rule checks it'],
  [
    'state-review',
    '需审核：拆分、推断、为空或违反规则',
    'Needs review: split, inferred, empty or breaking a rule',
  ],
  ['state-edited', '已修改：审校人修改过的值', 'Edited by a reviewer'],
  ['sev-error', '有错误：单元格违反表内勾稽关系', 'Error: the cell breaks a table rule'],
  ['sev-warning', '有警告', 'Warning'],
  ['suspect', '最可能出错的单元格（可采纳建议值）', 'Most likely wrong (a suggestion may exist)'],
  ['how-split', '由连写数字串拆分', 'Split from a glued digit run'],
  ['how-guessed', '原文缺少，程序推断', 'Not printed; inferred'],
  ['cell-none', '表中无此格', 'No such cell in the form'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t, language } = useT();
  return (
    <div className="modal-backdrop" onClick={onClose} role="presentation">
      <div
        className="modal wide"
        role="dialog"
        aria-labelledby="keys-title"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="keys-title">{t('shortcuts')}</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, zh, en]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{language === 'en' ? en : zh}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="shortcuts legend">
          <tbody>
            {LEGEND.map(([cls, zh, en]) => (
              <tr key={cls}>
                <td>
                  <span className={`legend-swatch cell-value ${cls}`}>0</span>
                </td>
                <td>{language === 'en' ? en : zh}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="modal-actions">
          <button type="button" className="primary" autoFocus onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}
