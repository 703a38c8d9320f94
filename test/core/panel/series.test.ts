// Generated multi-year series (test/generator/series.ts) imported through the service: chains that hold give no
// finding, each broken chain gives its finding naming both reports, late and wrong-format years are flagged, and
// the findings follow a reviewer's edit of either report.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewService, type ServiceHandlers } from '../../../src/core/service';
import type { PanelFindingView } from '../../../src/shared/panel';
import { tempDir } from '../../e2e/setup';
import { generateSeries, type SeriesReport } from '../../generator/series';

const SOUND = { name: '青云市统计局', parent: '青云市人民政府', self: '我局' };
const BROKEN = { name: '长安区民政局', parent: '长安区人民政府', self: '我局' };
const GAPPY = { name: '龙泉镇人民政府', parent: '龙泉县人民政府', self: '我镇' };

describe('generated series across years', () => {
  let dir: string;
  let service: ReviewService;
  let api: ServiceHandlers;
  let broken: SeriesReport[];
  const ids = new Map<string, number>();
  const id = (agency: string, year: number): number => ids.get(`${agency}|${year}`)!;
  const findings = async (agency: string, year: number): Promise<PanelFindingView[]> =>
    api.panelFindings({ reportId: id(agency, year) });

  beforeAll(async () => {
    dir = tempDir('panel-series');
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    const sound = generateSeries({ agency: SOUND, from: 2016, to: 2024, seed: 11 });
    broken = generateSeries({
      agency: BROKEN,
      from: 2018,
      to: 2024,
      seed: 12,
      breaks: [
        { year: 2020, rule: 'items' },
        { year: 2022, rule: 'carry' },
        { year: 2023, rule: 'in_force' },
      ],
      late: [2021],
      wrongFormat: [2024],
    });
    const gappy = generateSeries({ agency: GAPPY, from: 2019, to: 2024, seed: 13, skip: [2021] });
    for (const r of [...sound, ...broken, ...gappy])
      writeFileSync(join(folder, `${r.truth.meta.agency}-${r.year}.txt`), r.text);
    service = await ReviewService.open({ dataDir: join(dir, 'data'), samplesDir: null, watch: false });
    await service.setReviewerName({ name: '督查员' });
    await service.openFolder(folder);
    await service.idle();
    api = service.handlers();
    for (const r of await service.listReports({})) ids.set(`${r.agency}|${r.year}`, r.id);
  });

  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every report of the series (the precondition of the checks)', () => {
    expect(ids.size).toBe(9 + 7 + 5);
  });

  it('a series whose chains hold has no cross-report finding', async () => {
    for (let year = 2016; year <= 2024; year++) {
      const f = await findings(SOUND.name, year);
      expect(
        f.filter((x) => x.kind === 'cross'),
        `${year}`,
      ).toEqual([]);
      expect(f.map((x) => x.rule)).not.toContain('supervision.late');
      expect(f.map((x) => x.rule)).not.toContain('supervision.format');
    }
  });

  it('each broken chain is flagged, naming both reports', async () => {
    const cross = async (year: number) =>
      (await findings(BROKEN.name, year)).filter((x) => x.kind === 'cross');
    const items = await cross(2020);
    expect(items.map((f) => [f.rule, f.keys[0]])).toEqual([['cross.items', 'active.licensing.prev_items']]);
    expect(items[0]!.other?.reportId).toBe(id(BROKEN.name, 2019));
    expect(items[0]!.message).toContain('2019年报告');

    const carry = (await cross(2022)).filter((f) => f.reportId === id(BROKEN.name, 2022));
    expect(carry.map((f) => f.keys[0]).sort()).toEqual([
      'apply.carried_over.natural_person',
      'apply.carried_over.total',
    ]);
    expect(carry.every((f) => f.rule === 'cross.carry' && f.other?.reportId === id(BROKEN.name, 2021))).toBe(
      true,
    );
    // The earlier report shows the same finding, with the later one as the other report.
    const seenFrom2021 = (await cross(2021)).filter((f) => f.reportId === id(BROKEN.name, 2022));
    expect(seenFrom2021).toHaveLength(2);
    expect(seenFrom2021[0]!.other?.reportId).toBe(id(BROKEN.name, 2022));

    const inForce = (await cross(2023)).filter((f) => f.reportId === id(BROKEN.name, 2023));
    expect(inForce.map((f) => [f.rule, f.keys[0]])).toEqual([
      ['cross.in_force', 'active.normative_docs.in_force'],
    ]);
    for (const year of [2019, 2024])
      expect((await cross(year)).filter((f) => f.reportId === id(BROKEN.name, year))).toEqual([]);
  });

  it('late publication and the wrong format for the year', async () => {
    const late = (await findings(BROKEN.name, 2021)).find((f) => f.rule === 'supervision.late');
    expect(late?.message).toContain('2022-01-31');
    const format = (await findings(BROKEN.name, 2024)).find((f) => f.rule === 'supervision.format');
    expect(format?.message).toContain('2021版');
  });

  it('coverage shows the missing year', async () => {
    const c = await api.coverage({ agency: '龙泉镇' });
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]!.cells.map((x) => x.year)).toEqual([2019, 2020, 2022, 2023, 2024]);
    const none = await api.coverage({ status: 'none', years: [2021] });
    expect(none.rows.map((r) => r.name)).toEqual([GAPPY.name]);
  });

  it('recomputed when either report changes', async () => {
    const later = id(BROKEN.name, 2022);
    const earlier = id(BROKEN.name, 2021);
    const printed = broken.find((r) => r.year === 2022)!.truth.values;
    const over = printed['apply.carried_over.natural_person']!;
    // The reviewer corrects the earlier report's 结转下年度 to what the later one carried over.
    await service.reopenReport({ reportId: earlier });
    await service.editCell({ reportId: earlier, key: 'apply.carried_forward.natural_person', value: over });
    const after = (await api.panelFindings({ reportId: later })).filter((f) => f.rule === 'cross.carry');
    expect(after.map((f) => f.keys[0])).toEqual(['apply.carried_over.total']);
    await service.undo({ reportId: earlier });
    expect(
      (await api.panelFindings({ reportId: later })).filter((f) => f.rule === 'cross.carry'),
    ).toHaveLength(2);
  });

  it('year over year: changed cells and text by section', async () => {
    const c = await api.compareReports({ reportId: id(BROKEN.name, 2022) });
    expect(c.a.year).toBe(2021);
    expect(c.b.year).toBe(2022);
    expect(c.cells.some((x) => x.changed)).toBe(true);
    expect(c.cells.find((x) => x.key === 'apply.new.total')?.label).toContain('本年新收');
    expect(c.sections.map((s) => s.section)).toContain('总体情况');
    expect(c.sections.some((s) => s.parts.some((p) => p.kind === 'added'))).toBe(true);
  });
});
