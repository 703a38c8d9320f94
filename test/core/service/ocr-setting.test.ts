// The OCR setting through the service on a real folder and SQLite file: off, a page image fails with the reason
// and how to turn OCR on; turned on, the refused file is read again with per-page progress; the setting persists.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../src/shared/api';
import { ReviewService } from '../../../src/core/service';
import { dispatch } from '../../../src/main/args';

const IMAGE = join(import.meta.dirname, '../../fixtures/read/ocr/apply-table.png');

describe('the OCR setting', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-ocr-setting-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('off refuses page images with a reason; on reads them again; the setting is kept', async () => {
    const folder = join(dataDir, 'reports');
    mkdirSync(folder);
    copyFileSync(IMAGE, join(folder, 'scan-page.png'));
    let service = await ReviewService.open({ dataDir, samplesDir: null, watch: false });
    expect((await service.getSettings()).ocr).toBe(true);
    expect((await service.setOcr({ enabled: false })).ocr).toBe(false);
    await service.openFolder(folder);
    await service.idle();
    let [row] = await service.listReports({});
    expect(row!.status).toBe('failed');
    expect(row!.error).toContain('未启用文字识别（OCR）');

    const seen: ImportProgress[] = [];
    service.on('importProgress', (p) => seen.push(p));
    const settings = await dispatch(service.handlers() as never, 'setOcr', { enabled: true });
    expect(settings).toMatchObject({ ocr: true });
    const done = await service.idle();
    expect(done.failed).toBe(0);
    [row] = await service.listReports({});
    expect(row!.status).not.toBe('failed');
    const detail = await service.getReport({ reportId: row!.id });
    expect(detail.cells.some((c) => c.how === 'ocr' && c.value !== null)).toBe(true);
    expect(seen.some((p) => p.running)).toBe(true);
    expect(seen.at(-1)!.reading).toBeNull();
    await service.close();

    service = await ReviewService.open({ dataDir, samplesDir: null, watch: false });
    expect((await service.getSettings()).ocr).toBe(true);
    await expect(dispatch(service.handlers() as never, 'setOcr', { enabled: 'yes' })).rejects.toThrow(
      /参数无效/,
    );
    await service.close();
  }, 120_000);
});
