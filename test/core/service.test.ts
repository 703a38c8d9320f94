// ReviewService on real temporary folders and real SQLite files, and the argument checks every channel passes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiHandlers, ReportRow } from '../../src/shared/api';
import { ARG_SCHEMAS, CHANNELS, dispatch, InvalidArgumentError } from '../../src/main/args';
import { databaseFor, ReviewService } from '../../src/core/service';
import { errorWaivers } from '../support/waivers';

const SAMPLES = resolve(import.meta.dirname, '../../resources/samples');
const GLUED = '004_20668ad12bb1064e.txt';

let dataDir: string;
let service: ReviewService | null = null;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'nianbao-service-'));
});

afterEach(async () => {
  await service?.close();
  service = null;
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<ReviewService> {
  await service?.close();
  service = await ReviewService.open({ dataDir, samplesDir: SAMPLES });
  return service;
}

async function withSamples(): Promise<{ s: ReviewService; glued: ReportRow }> {
  const s = await open();
  await s.setReviewerName({ name: '李审校' });
  await s.useSampleReports();
  await s.idle();
  const glued = (await s.listReports({})).find((r) => r.path === GLUED);
  if (!glued) throw new Error('glued-digit sample not imported');
  return { s, glued };
}

describe('settings and folders', () => {
  it('starts with defaults, keeps the reviewer name and language across restarts', async () => {
    let s = await open();
    expect(await s.getSettings()).toEqual({
      reviewerName: null,
      language: 'zh-CN',
      folder: null,
      usingSamples: false,
      ocr: true,
    });
    await expect(s.listReports({})).rejects.toThrow('尚未选择报告文件夹');
    await s.setReviewerName({ name: '  李审校 ' });
    await s.setLanguage({ language: 'en' });
    s = await open();
    expect(await s.getSettings()).toMatchObject({ reviewerName: '李审校', language: 'en' });
  });

  it('a damaged settings file gives the defaults instead of a crash', async () => {
    writeFileSync(join(dataDir, 'settings.json'), '{"reviewerName": 42, "language": "fr", "folder": ');
    const s = await open();
    expect(await s.getSettings()).toMatchObject({ reviewerName: null, language: 'zh-CN', folder: null });
  });

  it('starts at the welcome screen when the last folder has gone, keeping the reviewer', async () => {
    const folder = join(dataDir, 'gone');
    mkdirSync(folder);
    let s = await open();
    await s.setReviewerName({ name: '李审校' });
    await s.openFolder(folder);
    await s.idle();
    await s.close();
    rmSync(folder, { recursive: true });
    s = await open();
    expect(await s.getSettings()).toMatchObject({ reviewerName: '李审校', folder: null });
  });

  it('refuses a folder that does not exist, with a clear message', async () => {
    const s = await open();
    await expect(s.openFolder(join(dataDir, 'nope'))).rejects.toThrow('文件夹不存在');
    expect((await s.getSettings()).folder).toBeNull();
  });

  it('imports the bundled samples into one database per folder and reopens it at the next start', async () => {
    const { s } = await withSamples();
    const settings = await s.getSettings();
    expect(settings.usingSamples).toBe(true);
    expect(settings.folder).toBe(join(dataDir, 'samples'));
    const rows = await s.listReports({});
    expect(rows.map((r) => r.path).sort()).toEqual([
      '000_a3f0cc370b290d87.txt',
      '001_cba15cde576bc8e7.txt',
      '002_16dca761f14228ce.txt',
      '003_81dd061a659bf16a.txt',
      GLUED,
    ]);
    const progress = await s.importStatus();
    expect(progress).toMatchObject({ running: false, done: 5, total: 5, failed: 0 });
    const again = await open();
    expect((await again.listReports({})).length).toBe(5);
    expect(databaseFor(dataDir, settings.folder!)).toMatch(/libraries\/[0-9a-f]{16}\.sqlite$/);
  });

  it('reports files added to the watched folder, and failed files with their error', async () => {
    const folder = join(dataDir, 'reports');
    mkdirSync(folder);
    copyFileSync(join(SAMPLES, GLUED), join(folder, GLUED));
    const s = await open();
    await s.setReviewerName({ name: '李审校' });
    const changed: number[][] = [];
    s.on('reportsChanged', (e) => changed.push(e.reportIds));
    await s.openFolder(folder);
    await s.idle();
    expect((await s.listReports({})).length).toBe(1);
    writeFileSync(join(folder, 'broken.docx'), 'PK\u0003\u0004 not really a zip');
    await expect
      .poll(async () => (await s.listReports({})).length, { timeout: 20_000, interval: 200 })
      .toBe(2);
    const failed = (await s.listReports({ status: 'failed' }))[0];
    expect(failed?.path).toBe('broken.docx');
    expect(failed?.error).toBeTruthy();
    expect(changed.flat().length).toBeGreaterThan(0);
  });
});

describe('the review path', () => {
  it('edits, refuses to verify over errors, verifies with a waiver note, and undoes after a restart', async () => {
    const { s, glued } = await withSamples();
    const reportId = glued.id;
    const before = await s.getReport({ reportId });
    expect(before.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(before.text).toContain('保护第三方合法权益');

    const change = await s.editCell({ reportId, key: 'apply.denied.third_party.natural_person', value: 1 });
    expect(change.cells).toEqual([expect.objectContaining({ value: 1, edited: true })]);
    expect(
      change.findings.some(
        (f) => f.rule === 'apply.row_total' && f.keys.includes('apply.denied.third_party.total'),
      ),
    ).toBe(false);
    expect(change.undo).toEqual({ canUndo: true, canRedo: false });

    const refused = await s.verifyReport({ reportId });
    expect(refused.ok).toBe(false);
    // Verified only as shown: a screen that showed another content of the file is refused, whatever it waives.
    const shown = (await s.getReport({ reportId })).report.sha256;
    const stale = await s.verifyReport({
      reportId,
      seen: 'f'.repeat(64),
      waivers: errorWaivers(await s.getReport({ reportId }), '原表总计行自身有误'),
    });
    expect(stale).toEqual({ ok: false, reason: expect.stringContaining('文件已更改') });
    expect((await s.getReport({ reportId })).report.status).not.toBe('verified');
    const waived = await s.verifyReport({
      reportId,
      seen: shown ?? undefined,
      waivers: errorWaivers(await s.getReport({ reportId }), '原表总计行自身有误'),
    });
    expect(waived.ok).toBe(true);
    if (waived.ok) {
      expect(waived.value.report.status).toBe('verified');
      expect(waived.value.report.verifiedBy).toBe('李审校');
      expect(waived.value.findings.filter((f) => f.severity === 'error').every((f) => f.waiver?.note)).toBe(
        true,
      );
    }

    const restarted = await open();
    const undone = await restarted.undo({ reportId });
    expect(undone.report.status).not.toBe('verified');
    expect(
      (await restarted.cellHistory({ reportId, key: 'apply.denied.third_party.natural_person' })).map((h) => [
        h.reviewer,
        h.old,
        h.new,
      ]),
    ).toEqual([['李审校', 0, 1]]);
  });

  it('refuses edits before a reviewer name is set', async () => {
    const { s, glued } = await withSamples();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ ...(await s.getSettings()), reviewerName: null }),
    );
    const fresh = await open();
    await expect(fresh.editCell({ reportId: glued.id, key: 'apply.new.total', value: 4 })).rejects.toThrow(
      '姓名',
    );
  });
});

describe('the top of the queue (queueHead)', () => {
  const RANK = { needs_review: 0, new: 1, failed: 2, verified: 3 } as const;
  /** The queue as it first shows in the page: status, then most errors, then the list's own (path) order. */
  function firstOrder(rows: ReportRow[]): ReportRow[] {
    return rows
      .filter((r) => r.group === null || r.group.primaryId === r.id)
      .map((r, i) => ({ r, i }))
      .sort((a, b) => RANK[a.r.status] - RANK[b.r.status] || b.r.errors - a.r.errors || a.i - b.i)
      .map(({ r }) => r);
  }

  it('gives the first rows in the queue order and the counts of the whole queue', async () => {
    const folder = join(dataDir, 'reports');
    mkdirSync(folder);
    for (const name of [
      '000_a3f0cc370b290d87.txt',
      '001_cba15cde576bc8e7.txt',
      '002_16dca761f14228ce.txt',
      GLUED,
    ]) {
      copyFileSync(join(SAMPLES, name), join(folder, name));
    }
    // An identical copy (one report, two paths) and another file of the same report (same values, other bytes).
    copyFileSync(join(SAMPLES, GLUED), join(folder, 'copy.txt'));
    const text = readFileSync(join(SAMPLES, '000_a3f0cc370b290d87.txt'), 'utf8');
    writeFileSync(join(folder, 'again.txt'), `${text}\n`);
    writeFileSync(join(folder, 'broken.docx'), 'PK\u0003\u0004 not really a zip');
    const s = await open();
    await s.setReviewerName({ name: '李审校' });
    await s.openFolder(folder);
    await s.idle();
    const verified = (await s.listReports({})).find((r) => r.path === '001_cba15cde576bc8e7.txt')!;
    const out = await s.verifyReport({
      reportId: verified.id,
      waivers: errorWaivers(await s.getReport({ reportId: verified.id }), '原表如此'),
    });
    expect(out.ok).toBe(true);

    const rows = await s.listReports({});
    expect(rows.some((r) => r.copies.length > 0)).toBe(true);
    expect(rows.some((r) => r.group !== null && r.group.primaryId !== r.id)).toBe(true);
    const expected = firstOrder(rows);
    for (const first of [1, 3, 100]) {
      const head = await s.queueHead({ first });
      expect(head.rows).toEqual(expected.slice(0, first));
    }
    const { counts } = await s.queueHead({ first: 1 });
    const primary = rows.filter((r) => r.group === null || r.group.primaryId === r.id);
    const by = (st: ReportRow['status']): number => primary.filter((r) => r.status === st).length;
    expect(counts).toEqual({
      all: primary.length,
      waiting: by('new') + by('needs_review'),
      new: by('new'),
      needs_review: by('needs_review'),
      verified: by('verified'),
      failed: by('failed'),
      secondary: rows.length - primary.length,
      copies: rows.reduce((n, r) => n + r.copies.length, 0),
      reports: rows.length,
    });
    expect(counts.verified).toBe(1);
    expect(counts.failed).toBe(1);
  });
});

describe('argument checks (src/main/args.ts)', () => {
  it('declares exactly the channels of the handler map', async () => {
    const s = await open();
    const handlers: ApiHandlers = {
      ...s.handlers(),
      chooseFolder: async () => null,
      exportDataset: async () => null,
      openOriginalFile: async () => ({ ok: true, value: null }),
    };
    expect([...CHANNELS].sort()).toEqual(Object.keys(handlers).sort());
    expect(Object.keys(ARG_SCHEMAS).length).toBe(CHANNELS.length);
  });

  it('stops bad input before it reaches core', async () => {
    const s = await open();
    let reached = 0;
    const handlers: ApiHandlers = {
      ...s.handlers(),
      chooseFolder: async () => null,
      exportDataset: async () => null,
      openOriginalFile: async () => ({ ok: true, value: null }),
      editCell: async () => {
        reached++;
        throw new Error('must not be reached');
      },
    };
    const bad: [string, unknown][] = [
      ['editCell', undefined],
      ['editCell', { reportId: -1, key: 'apply.new.total', value: 1 }],
      ['editCell', { reportId: 1.5, key: 'apply.new.total', value: 1 }],
      ['editCell', { reportId: 1, key: '<script>alert(1)</script>', value: 1 }],
      ['editCell', { reportId: 1, key: 'apply.new.total', value: '1' }],
      ['editCell', { reportId: 1, key: 'apply.new.total', value: Number.POSITIVE_INFINITY }],
      ['editCell', { reportId: 1, key: 'apply.new.total', value: 1, extra: true }],
      ['editCell', { reportId: 1, key: 'apply.new.total', value: 1, note: '' }],
      ['verifyReport', { reportId: 1, seen: 'not a hash' }],
    ];
    for (const [channel, args] of bad) {
      await expect(dispatch(handlers, channel, args)).rejects.toBeInstanceOf(InvalidArgumentError);
    }
    await expect(dispatch(handlers, 'openDevTools', undefined)).rejects.toThrow('未知的请求');
    await expect(dispatch(handlers, 'getSettings', { sneaky: 1 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(dispatch(handlers, 'setLanguage', { language: 'fr' })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    expect(reached).toBe(0);
    await expect(dispatch(handlers, 'getSettings', undefined)).resolves.toMatchObject({ language: 'zh-CN' });
    await expect(
      dispatch(handlers, 'cellHistory', { reportId: 1, key: 'legacy.label:电子邮件申请数#cumulative' }),
    ).rejects.toThrow('尚未选择报告文件夹');
  });
});
