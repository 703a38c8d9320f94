// The reviewer's words, one per idea, shared by the app, the command line and the README. Pure data: the renderer
// imports it too.
import type { ReportStatus } from '../shared/api';

export const STATUS_WORDS: Record<ReportStatus, string> = {
  new: '新导入',
  needs_review: '待审',
  verified: '已核验',
  failed: '读取失败',
};

export const WORDS = {
  reviewer: '审校人',
  verify: '核验',
  waive: '豁免',
  finding: '问题',
  edited: '已修改',
  /** Reports waiting for a reviewer: status `new` or `needs_review`. */
  waiting: '待审',
} as const;

/** How sure the program is of a cell's value (the review grid's legend). */
export type CellState = 'confirmed' | 'unconfirmed' | 'review' | 'edited';

export const CELL_STATE_WORDS: Record<CellState, string> = {
  confirmed: '算术已确认',
  unconfirmed: '已读未确认',
  review: '需审核',
  edited: '已修改',
};
