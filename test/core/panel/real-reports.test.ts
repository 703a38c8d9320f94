// The panel on real published reports (test/fixtures/panel, from ../shared/eval/real): several years of the same
// Pingtan bodies under changing names. Registry suggestions, merge / split / rename with undo, coverage, the
// deadline, format and section checks, text reuse, and the export's agency_id and checks sheet.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAgencyEdit, stepAgencyEdit } from '../../../src/core/agencies/edits';
import { listAgencies } from '../../../src/core/agencies/registry';
import { suggestAgencies } from '../../../src/core/agencies/suggest';
import { exportDataset } from '../../../src/core/export';
import { importFolder } from '../../../src/core/library';
import { coverage, gaps } from '../../../src/core/panel/coverage';
import { allPanelFindings, panelFindingViews } from '../../../src/core/panel/findings';
import { refreshPanel } from '../../../src/core/panel/refresh';
import { openStore, type Store } from '../../../src/core/store';
import { tempDir } from '../../e2e/setup';

const FIXTURES = join(import.meta.dirname, '../../fixtures/panel');
const REVIEWER = '督查员';

describe('panel on real reports', () => {
  let dir: string;
  let db: Store;
  const idOf = (file: string): number =>
    db.prepare('SELECT id FROM reports WHERE path LIKE ?').pluck().get(`%${file}`) as number;
  const agencyOf = (name: string): number => listAgencies(db).find((a) => a.name === name)!.id;
  const edit = (e: Parameters<typeof applyAgencyEdit>[1]) =>
    db.transaction(() => {
      applyAgencyEdit(db, e, REVIEWER);
      refreshPanel(db);
    })();
  const step = (d: 'undo' | 'redo') =>
    db.transaction(() => {
      stepAgencyEdit(db, d, REVIEWER);
      refreshPanel(db);
    })();

  beforeAll(async () => {
    dir = tempDir('panel-real');
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(folder, f));
    // The 2013 report of the environment bureau published again as 2014's with only the year changed.
    writeFileSync(
      join(folder, 'p_zrz_2014_copy.txt'),
      readFileSync(join(FIXTURES, 'p_zrz_2013.txt'), 'utf8')
        .replaceAll('2013', '2014')
        .replaceAll('2014-04-25', '2015-03-20'),
    );
    db = openStore(join(dir, 'panel.db'));
    await importFolder(db, folder, { workers: 0 });
    refreshPanel(db);
  });

  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('places every report under an agency and a year', () => {
    const c = coverage(db);
    expect(c.unplaced).toEqual([]);
    expect(c.years[0]).toBe(2009);
    expect(c.years.at(-1)).toBe(2022);
    const zrz = c.rows.find((r) => r.name === '平潭综合实验区环境与国土资源局')!;
    expect(zrz.cells.map((x) => x.year)).toEqual([2013, 2014, 2017]);
    expect(zrz.cells.every((x) => x.status === 'needs_review')).toBe(true);
  });

  it('suggests the bodies that are one under a new name, not unrelated bureaus', () => {
    const s = suggestAgencies(db);
    const pair = (x: string, y: string) =>
      s.find(
        (p) => (p.aName.includes(x) && p.bName.includes(y)) || (p.aName.includes(y) && p.bName.includes(x)),
      );
    const police = pair('公安局', '平潭综合实验区公安局');
    expect(police?.reasons.join()).toContain('名称主体相同（公安局）');
    expect(police?.reasons.join()).toContain('年度互补');
    expect(pair('食品药品监督管理局', '市场监督管理局')).toBeDefined();
    expect(pair('平潭综合实验区公安局', '农业农村局')).toBeUndefined();
  });

  it('merges, renames and splits agencies, audited and undoable', () => {
    const before = listAgencies(db).length;
    const police = listAgencies(db).filter((a) => a.name.endsWith('公安局'));
    expect(police).toHaveLength(2);
    const [older, newer] = police[0]!.years[0]! < police[1]!.years[0]! ? police : [police[1]!, police[0]!];
    edit({ op: 'merge', agencyId: older!.id, intoId: newer!.id });
    expect(listAgencies(db)).toHaveLength(before - 1);
    const merged = coverage(db).rows.find((r) => r.agencyId === newer!.id)!;
    expect(merged.cells.map((x) => x.year)).toEqual([2009, 2019]);

    edit({ op: 'rename', agencyId: newer!.id, name: '平潭公安局（合并）' });
    expect(coverage(db).rows.some((r) => r.name === '平潭公安局（合并）')).toBe(true);
    const log = db.prepare('SELECT kind, action, summary, reviewer FROM agency_edits ORDER BY id').all();
    expect(log).toMatchObject([
      { kind: 'merge', action: 'do', reviewer: REVIEWER },
      { kind: 'rename', action: 'do', summary: expect.stringContaining('平潭公安局（合并）') },
    ]);

    step('undo'); // rename
    expect(coverage(db).rows.some((r) => r.name === '平潭综合实验区公安局')).toBe(true);
    step('undo'); // merge
    expect(listAgencies(db)).toHaveLength(before);
    expect(
      coverage(db)
        .rows.find((r) => r.agencyId === newer!.id)!
        .cells.map((x) => x.year),
    ).toEqual([2019]);
    step('redo'); // merge again
    expect(
      coverage(db)
        .rows.find((r) => r.agencyId === newer!.id)!
        .cells.map((x) => x.year),
    ).toEqual([2009, 2019]);

    // Split: the old printed name becomes an agency of its own again.
    const oldName = older!.names[0]!;
    edit({ op: 'moveName', name: oldName, agencyId: null });
    expect(listAgencies(db)).toHaveLength(before);
    step('undo');
    expect(listAgencies(db)).toHaveLength(before - 1);
  });

  it('region filter and gaps: who has not published', () => {
    const zrz = agencyOf('平潭综合实验区环境与国土资源局');
    edit({ op: 'setRegion', agencyId: zrz, region: '福建省平潭' });
    const c = coverage(db, { region: '平潭' });
    expect(c.rows.map((r) => r.agencyId)).toEqual([zrz]);
    const g = gaps(db, { region: '平潭', years: [2013, 2014, 2015, 2016, 2017] });
    expect(g.map((x) => [x.year, x.status, x.lastYear])).toEqual([
      [2015, 'none', 2014],
      [2016, 'none', 2014],
    ]);
    expect(coverage(db, { status: 'verified' }).rows).toEqual([]);
  });

  it('deadline (by the regulation of the year), format and the six sections', () => {
    const rules = (file: string) => panelFindingViews(db, idOf(file)).map((f) => f.rule);
    // 2012 report published 2013-04-03: after 31 March, the deadline of the 2008 regulation.
    const late = panelFindingViews(db, idOf('p_scj_2012.txt')).find((f) => f.rule === 'supervision.late');
    expect(late?.message).toContain('2013-03-31');
    // 2019 report published 2020-01-17: in time, 2019 format, all six sections.
    expect(rules('p_gaj_2019.txt')).toEqual([]);
    expect(rules('p_gwh_2021.txt')).not.toContain('supervision.sections');
    expect(rules('p_jtj_2021.txt')).not.toContain('supervision.format');
  });

  it('text reused from the previous report: share and passages', () => {
    const reuse = panelFindingViews(db, idOf('p_zrz_2014_copy.txt')).find(
      (f) => f.rule === 'supervision.reuse',
    );
    expect(reuse?.severity).toBe('warning');
    expect(reuse!.reuse!.share).toBeGreaterThan(0.9);
    expect(reuse!.reuse!.passages.join('')).toContain('政府信息公开');
    expect(reuse!.other?.reportId).toBe(idOf('p_zrz_2013.txt'));
    // Rewritten from scratch four years on: no reuse finding.
    expect(panelFindingViews(db, idOf('p_zrz_2017.txt')).some((f) => f.rule === 'supervision.reuse')).toBe(
      false,
    );
  });

  it('exports agency_id in every report sheet, and the checks and gaps sheets', async () => {
    const out = join(dir, 'export');
    await exportDataset(db, {
      format: 'csv',
      out,
      includeAll: true,
      shapes: ['long', 'reports', 'checks', 'gaps'],
    });
    const head = (name: string) =>
      readFileSync(join(out, `${name}.csv`), 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
    expect(head('long')[0]).toContain('agency_id');
    expect(head('reports')[0]).toContain('agency_id');
    const checks = head('checks');
    expect(checks.some((l) => l.includes('supervision.late') && l.includes('2013-03-31'))).toBe(true);
    expect(checks.some((l) => l.includes('supervision.reuse'))).toBe(true);
    expect(head('gaps').length).toBeGreaterThan(5);
    expect(allPanelFindings(db).length).toBe(checks.length - 2 - proseCount(db));
  });
});

function proseCount(db: Store): number {
  return db
    .prepare("SELECT count(*) FROM findings WHERE rule = 'prose.table' AND resolved = 0")
    .pluck()
    .get() as number;
}
