// The application menu. Shortcuts are handled by the page itself (so they work identically in the e2e
// browser); the menu shows them and sends the same commands when clicked.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../shared/api';

type Label = Record<Language, string>;

const L = {
  file: { 'zh-CN': '文件', en: 'File' },
  chooseFolder: { 'zh-CN': '选择报告文件夹…', en: 'Choose Report Folder…' },
  useSamples: { 'zh-CN': '使用示例报告', en: 'Use Sample Reports' },
  exportData: { 'zh-CN': '导出数据集…', en: 'Export Dataset…' },
  quit: { 'zh-CN': '退出', en: 'Quit' },
  edit: { 'zh-CN': '编辑', en: 'Edit' },
  undo: { 'zh-CN': '撤销修改', en: 'Undo Edit' },
  redo: { 'zh-CN': '重做修改', en: 'Redo Edit' },
  cut: { 'zh-CN': '剪切', en: 'Cut' },
  copy: { 'zh-CN': '复制', en: 'Copy' },
  paste: { 'zh-CN': '粘贴', en: 'Paste' },
  review: { 'zh-CN': '审核', en: 'Review' },
  nextFinding: { 'zh-CN': '下一个问题', en: 'Next Finding' },
  previousFinding: { 'zh-CN': '上一个问题', en: 'Previous Finding' },
  nextReport: { 'zh-CN': '下一份待审报告', en: 'Next Report to Review' },
  verify: { 'zh-CN': '核验通过', en: 'Verify Report' },
  reopen: { 'zh-CN': '重新打开', en: 'Reopen Report' },
  history: { 'zh-CN': '单元格修改历史', en: 'Cell History' },
  backToQueue: { 'zh-CN': '返回报告队列', en: 'Back to Queue' },
  view: { 'zh-CN': '视图', en: 'View' },
  language: { 'zh-CN': '界面语言', en: 'Language' },
  setName: { 'zh-CN': '审校人姓名…', en: 'Reviewer Name…' },
  zoomIn: { 'zh-CN': '放大', en: 'Zoom In' },
  zoomOut: { 'zh-CN': '缩小', en: 'Zoom Out' },
  resetZoom: { 'zh-CN': '实际大小', en: 'Actual Size' },
  devTools: { 'zh-CN': '开发者工具', en: 'Developer Tools' },
  help: { 'zh-CN': '帮助', en: 'Help' },
  shortcuts: { 'zh-CN': '键盘快捷键', en: 'Keyboard Shortcuts' },
} satisfies Record<string, Label>;

export function buildMenu(win: BrowserWindow, language: Language): Menu {
  const t = (label: Label): string => label[language];
  const send = (command: MenuCommand) => () => win.webContents.send('event:menuCommand', command);
  const cmd = (label: Label, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    click: send(command),
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: t(L.file),
      submenu: [
        cmd(L.chooseFolder, 'choose-folder', 'CmdOrCtrl+O'),
        cmd(L.useSamples, 'use-samples'),
        cmd(L.exportData, 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { label: t(L.quit), role: 'quit' },
      ],
    },
    {
      label: t(L.edit),
      submenu: [
        cmd(L.undo, 'undo', 'CmdOrCtrl+Z'),
        cmd(L.redo, 'redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { label: t(L.cut), role: 'cut' },
        { label: t(L.copy), role: 'copy' },
        { label: t(L.paste), role: 'paste' },
      ],
    },
    {
      label: t(L.review),
      submenu: [
        cmd(L.nextFinding, 'next-finding', 'F8'),
        cmd(L.previousFinding, 'previous-finding', 'Shift+F8'),
        cmd(L.nextReport, 'next-report', 'CmdOrCtrl+Shift+N'),
        { type: 'separator' },
        cmd(L.verify, 'verify', 'CmdOrCtrl+Enter'),
        cmd(L.reopen, 'reopen'),
        cmd(L.history, 'history', 'CmdOrCtrl+H'),
        { type: 'separator' },
        cmd(L.backToQueue, 'back-to-queue', 'Alt+Left'),
      ],
    },
    {
      label: t(L.view),
      submenu: [
        {
          label: t(L.language),
          submenu: [
            {
              label: '简体中文',
              type: 'radio',
              checked: language === 'zh-CN',
              click: send('language-zh-CN'),
            },
            { label: 'English', type: 'radio', checked: language === 'en', click: send('language-en') },
          ],
        },
        cmd(L.setName, 'set-name'),
        { type: 'separator' },
        { label: t(L.zoomIn), role: 'zoomIn' },
        { label: t(L.zoomOut), role: 'zoomOut' },
        { label: t(L.resetZoom), role: 'resetZoom' },
        ...(app.isPackaged ? [] : [{ label: t(L.devTools), role: 'toggleDevTools' } as const]),
      ],
    },
    { label: t(L.help), submenu: [cmd(L.shortcuts, 'shortcuts', 'F1')] },
  ];
  return Menu.buildFromTemplate(template);
}
