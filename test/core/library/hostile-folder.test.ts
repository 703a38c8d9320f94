// A folder that cannot hurt the app: links to /etc/passwd, /dev/zero and a folder outside, a pipe, an over-long
// path, a GBK-byte file name, an unreadable subfolder (when not run as root), an 11 MB HTML table, a .docx zip
// bomb, a .docx with a large embedded image, `<!---->` × 40, 10,000 unclosed nested tables. Imported, then watched
// (with more hostile files arriving), by the real worker pool into a real store: every file fails or imports on its
// own, nothing outside the folder is read, the reviewer's work stored before is intact, and the peak RSS of the
// whole process is printed and stays under 1 GB.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { importFolder, watchFolder } from '../../../src/core/library';
import { editCell, getReport, listReports, openStore } from '../../../src/core/store';
import { realReport, variant, waitFor } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
const folder = join(root, 'reports');
const outside = join(root, 'outside');
mkdirSync(folder);
mkdirSync(outside);
afterAll(() => {
  // rm(1) walks the over-long path with relative names; Node's rmSync cannot.
  spawnSync('chmod', ['-R', 'u+rwx', root]);
  spawnSync('rm', ['-rf', root]);
});

const asRoot = process.getuid?.() === 0;
const peak = { rss: 0 };
const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, process.memoryUsage.rss())), 20);
afterAll(() => clearInterval(sampler));
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function docxWith(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

async function writeHostileFiles(): Promise<void> {
  symlinkSync('/etc/passwd', join(folder, 'passwd.txt'));
  symlinkSync('/dev/zero', join(folder, 'zero.txt'));
  symlinkSync('/etc', join(folder, 'etc-link'));
  writeFileSync(join(outside, 'secret.txt'), realReport('003'));
  symlinkSync(join(outside, 'secret.txt'), join(folder, 'secret-link.txt'));
  expect(spawnSync('mkfifo', [join(folder, 'pipe.txt')]).status).toBe(0);
  // A path longer than PATH_MAX (4096): 24 folders of 200 characters, made with relative paths.
  const long = spawnSync('bash', [
    '-c',
    `cd "${folder}" && for i in $(seq 24); do d=$(printf 'd%.0s' $(seq 200)); mkdir "$d" && cd "$d"; done && echo x > r.txt`,
  ]);
  expect(long.status, long.stderr.toString()).toBe(0);
  // A file name in GBK bytes (not UTF-8), as archives made on Chinese Windows leave them.
  writeFileSync(
    Buffer.concat([Buffer.from(`${folder}/`), iconv.encode('年度报告.txt', 'gbk')]),
    realReport('004'),
  );
  if (!asRoot) {
    mkdirSync(join(folder, 'locked'));
    writeFileSync(join(folder, 'locked', 'report.txt'), realReport('000'));
    chmodSync(join(folder, 'locked'), 0o000);
  }
  // An 11 MB HTML table: 1.2 million cells.
  const row = `<tr>${'<td>1</td>'.repeat(10)}</tr>`;
  writeFileSync(
    join(folder, 'huge-table.html'),
    `<html><body><table>${row.repeat(110_000)}</table></body></html>`,
  );
  // A .docx whose document.xml unpacks to 100 MB (a 100 KB file).
  writeFileSync(join(folder, 'bomb.docx'), zipBomb('word/document.xml', 100 * 1024 * 1024));
  // A real-looking .docx with a 20 MB image inside.
  const image = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(20e6, 7),
  ]);
  writeFileSync(
    join(folder, 'with-image.docx'),
    await docxWith({
      'word/document.xml': `<?xml version="1.0"?><w:document ${W}><w:body>${para('政府信息公开工作年度报告')}${para('附图')}</w:body></w:document>`,
      'word/media/image1.png': image,
    }),
  );
  writeFileSync(join(folder, 'comments.html'), '<!---->'.repeat(40));
  const nested = '<table><caption>表格标题</caption><tr><td>超宽<p>段落二<div>未闭合的块<td>单元格</td>';
  writeFileSync(join(folder, 'nested.html'), `<html><body>${nested.repeat(10_000)}</body></html>`);
}

/** A zip of one deflated entry `entry` that unpacks to `size` spaces (no CRC: a bomb needs none). */
function zipBomb(entry: string, size: number): Buffer {
  const data = Buffer.alloc(size, 0x20);
  const packed = deflateRawSync(data, { level: 9 });
  const name = Buffer.from(entry);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

function storedTexts(db: ReturnType<typeof openStore>): string[] {
  return db.prepare('SELECT text FROM documents').pluck().all() as string[];
}

describe('a hostile folder', () => {
  it('under import and then watch: each file fails or imports alone, nothing outside is read, under 1 GB', async () => {
    const db = openStore(join(root, 'store.db'));
    try {
      // The reviewer's work before the hostile files arrive.
      writeFileSync(join(folder, 'good-1.txt'), variant(realReport('001'), 1));
      writeFileSync(join(folder, 'good-2.txt'), variant(realReport('000'), 2));
      await importFolder(db, folder);
      const good = listReports(db).find((r) => r.path.endsWith('good-1.txt'))!;
      editCell(db, { reportId: good.id, key: 'apply.new.natural_person', value: 77 }, '张三');

      await writeHostileFiles();
      if (process.env.HOSTILE_TRACE) console.log('written', mb(peak.rss));
      const started = performance.now();
      const imported = await importFolder(db, folder);
      const importSeconds = (performance.now() - started) / 1000;
      const byName = (name: string) => listReports(db).find((r) => r.path.endsWith(name));
      const failed = (name: string) => expect(byName(name), name).toMatchObject({ status: 'failed' });

      // Links, the pipe and anything outside: never read, never stored.
      for (const name of ['passwd.txt', 'zero.txt', 'secret-link.txt', 'pipe.txt'])
        expect(byName(name), name).toBeUndefined();
      expect(
        storedTexts(db).some((t) => t.includes('root:x:0:0') || t.includes(realReport('003').slice(0, 200))),
      ).toBe(false);
      // Each hostile file fails alone with its error.
      failed('huge-table.html');
      expect(byName('huge-table.html')!.error).toMatch(/单元格超过/);
      failed('bomb.docx');
      expect(byName('bomb.docx')!.error).toMatch(/解压后过大/);
      failed('年度报告.txt');
      expect(byName('年度报告.txt')!.error).toMatch(/不是 UTF-8/);
      expect(imported.progress.failures.some((f) => /过长/.test(f.error))).toBe(true);
      if (!asRoot) expect(imported.progress.failures.some((f) => f.path.endsWith('locked'))).toBe(true);
      for (const name of ['with-image.docx', 'comments.html', 'nested.html'])
        expect(byName(name), name).toBeDefined();
      expect(byName('with-image.docx')!.status).not.toBe('failed');
      // The work stored before is intact; the good reports are there.
      expect(getReport(db, good.id).cells.find((c) => c.key === 'apply.new.natural_person')).toMatchObject({
        value: 77,
        edited: true,
      });
      expect(byName('good-2.txt')!.status).not.toBe('failed');
      const afterImport = peak.rss;

      // Watch: more hostile files arrive, and a good one.
      if (process.env.HOSTILE_TRACE) console.log('imported', mb(peak.rss));
      const watcher = watchFolder(db, folder, { stabilityMs: 200 });
      await watcher.ready;
      if (process.env.HOSTILE_TRACE) console.log('watching', mb(peak.rss));
      symlinkSync('/etc/passwd', join(folder, 'passwd-2.txt'));
      symlinkSync('/dev/zero', join(folder, 'zero-2.html'));
      spawnSync('mkfifo', [join(folder, 'pipe-2.txt')]);
      writeFileSync(join(folder, 'good-3.txt'), variant(realReport('002'), 3));
      await waitFor(() => byName('good-3.txt'), 'the good file added while watching', 60_000);
      await watcher.idle();
      await watcher.close();
      for (const name of ['passwd-2.txt', 'zero-2.html', 'pipe-2.txt'])
        expect(byName(name), name).toBeUndefined();
      expect(storedTexts(db).some((t) => t.includes('root:x:0:0'))).toBe(false);
      expect(getReport(db, good.id).cells.find((c) => c.key === 'apply.new.natural_person')?.value).toBe(77);

      const maxRss = process.resourceUsage().maxRSS * 1024;
      console.log(
        `hostile folder: import ${importSeconds.toFixed(1)} s, ${imported.progress.done} files, ` +
          `${imported.progress.failed} failed; peak RSS of the process ${mb(Math.max(maxRss, peak.rss))} ` +
          `(after import ${mb(afterImport)}, sampled peak ${mb(peak.rss)})`,
      );
      expect(Math.max(maxRss, peak.rss)).toBeLessThan(1024 * 1024 * 1024);
    } finally {
      db.close();
    }
  }, 600_000);
});
