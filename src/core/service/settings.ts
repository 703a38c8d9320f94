// The reviewer's settings: one small JSON file in the app's data folder, written atomically.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../shared/api';

const schema = z.object({
  reviewerName: z.string().min(1).max(60).nullable().catch(null),
  language: z.enum(['zh-CN', 'en']).catch('zh-CN'),
  folder: z.string().min(1).nullable().catch(null),
  usingSamples: z.boolean().catch(false),
  ocr: z.boolean().catch(true),
});

export const DEFAULT_SETTINGS: Settings = {
  reviewerName: null,
  language: 'zh-CN',
  folder: null,
  usingSamples: false,
  ocr: true,
};

/** Reads the settings; a missing or damaged file gives the defaults (a damaged field its default). */
export function readSettings(file: string): Settings {
  if (!existsSync(file)) return { ...DEFAULT_SETTINGS };
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function writeSettings(file: string, settings: Settings): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  renameSync(tmp, file);
}
