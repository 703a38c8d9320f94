// One dense grid look for every screen: Balham metrics, system CJK fonts, no web fonts (no remote content). Plain
// values here (no ag-grid code): ag-grid's theme is built from them (common/grid), and the queue's first paint
// (queue/QueuePreview), drawn before ag-grid has loaded, takes the same metrics and colours.
export const FONT_FAMILY = [
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  'system-ui',
  'sans-serif',
];

export const GRID_PARAMS = {
  fontFamily: FONT_FAMILY,
  fontSize: 12,
  dataFontSize: 12,
  headerFontSize: 12,
  rowHeight: 24,
  headerHeight: 26,
  spacing: 3,
  cellHorizontalPadding: 6,
  accentColor: '#1f5fbf',
  borderColor: '#d5d9e0',
  headerBackgroundColor: '#eef1f5',
  oddRowBackgroundColor: '#ffffff',
  rowHoverColor: '#f3f7fd',
  wrapperBorderRadius: 0,
};
