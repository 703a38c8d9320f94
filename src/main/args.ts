// Runtime validation of every argument that crosses the process boundary, checked against src/shared/api.ts.
// Used by the Electron main process and by the e2e bridge, so both refuse exactly the same input.
import { z } from 'zod';
import type { ApiHandlers, ArgsOf, Channel } from '../shared/api';
import { PANEL_SCHEMAS } from './panel-args';

const reportId = z.number().int().positive();
const cellKey = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[a-z_]+(\.[a-z_0-9]+)*(#cumulative)?$|^legacy\.label:[^\n]{1,200}(#cumulative)?$/u);
const note = z.string().trim().min(1).max(2000);
const cellValue = z.number().finite().min(-1e12).max(1e12).nullable();

const noArgs = z.undefined();

/** One schema per channel; `satisfies` makes a missing, extra or mistyped channel a compile error. */
export const ARG_SCHEMAS = {
  getSettings: noArgs,
  setReviewerName: z.object({ name: z.string().trim().min(1).max(60) }).strict(),
  setLanguage: z.object({ language: z.enum(['zh-CN', 'en']) }).strict(),
  setOcr: z.object({ enabled: z.boolean() }).strict(),
  chooseFolder: noArgs,
  useSampleReports: noArgs,
  importStatus: noArgs,
  listReports: z
    .object({ status: z.enum(['new', 'needs_review', 'verified', 'failed']).optional() })
    .strict(),
  queueHead: z.object({ first: z.number().int().min(1).max(1000) }).strict(),
  getReport: z.object({ reportId }).strict(),
  editCell: z.object({ reportId, key: cellKey, value: cellValue, note: note.optional() }).strict(),
  undo: z.object({ reportId }).strict(),
  redo: z.object({ reportId }).strict(),
  verifyReport: z
    .object({
      reportId,
      waivers: z
        .array(z.object({ findingId: z.number().int().positive(), note }).strict())
        .max(5000)
        .optional(),
      seen: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    })
    .strict(),
  reopenReport: z.object({ reportId, note: note.optional() }).strict(),
  waiveFinding: z.object({ reportId, findingId: z.number().int().positive(), note }).strict(),
  cellHistory: z.object({ reportId, key: cellKey }).strict(),
  getSourceLocation: z
    .object({
      reportId,
      span: z
        .object({ start: z.number().int().min(0).max(1e9), end: z.number().int().min(0).max(1e9) })
        .strict()
        .refine((s) => s.end >= s.start, 'end < start')
        .nullable(),
    })
    .strict(),
  getPageImage: z
    .object({
      reportId,
      page: z.number().int().min(1).max(100_000),
      scale: z.number().finite().min(0.25).max(4),
    })
    .strict(),
  getOriginal: z.object({ reportId }).strict(),
  openOriginalFile: z.object({ reportId }).strict(),
  exportDataset: z
    .object({
      format: z.enum(['csv', 'xlsx', 'json']),
      shapes: z
        .array(z.enum(['long', 'wide', 'reports', 'codebook', 'harmonised', 'checks', 'gaps']))
        .min(1)
        .max(7),
      includeAll: z.boolean(),
      years: z.array(z.number().int().min(1990).max(2100)).max(50).optional(),
      templates: z
        .array(z.enum(['2021', '2019', 'legacy']))
        .max(3)
        .optional(),
      agency: z.string().trim().min(1).max(100).optional(),
      region: z.string().trim().min(1).max(100).optional(),
    })
    .strict(),
  ...PANEL_SCHEMAS,
} satisfies { [C in Channel]: z.ZodType<ArgsOf<C>> };

export const CHANNELS = Object.keys(ARG_SCHEMAS) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(ARG_SCHEMAS, name);
}

export class InvalidArgumentError extends Error {
  override name = 'InvalidArgumentError';
}

/** Validates `raw` for `channel` and calls the handler; invalid input never reaches core. */
export async function dispatch(handlers: ApiHandlers, channel: string, raw: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new InvalidArgumentError(`未知的请求：${channel} (unknown channel)`);
  const parsed = ARG_SCHEMAS[channel].safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '参数'}: ${i.message}`).join('; ');
    throw new InvalidArgumentError(`参数无效（${channel}）：${detail} (invalid arguments)`);
  }
  const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
  return handler.call(handlers, parsed.data);
}
