// One dense grid theme for every screen: Balham metrics, system CJK fonts, no web fonts (no remote content).
import { themeBalham } from 'ag-grid-community';

export const FONT_FAMILY = [
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"WenQuanYi Micro Hei"',
  'system-ui',
  'sans-serif',
];

export const gridTheme = themeBalham.withParams({
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
});
