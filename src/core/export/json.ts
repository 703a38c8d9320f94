// JSON writer: one array of objects per sheet, keyed by column name; numbers as numbers, empty cells as null.
import { writeText } from './text-file';
import type { Sheet } from './types';

/** Writes one sheet to `file` (created or truncated); returns the number of data rows. */
export async function writeJson(file: string, sheet: Sheet): Promise<number> {
  const names = sheet.columns.map((c) => JSON.stringify(c.name) + ':');
  let rows = 0;
  await writeText(file, async (out) => {
    await out.write('[');
    for (const row of sheet.rows()) {
      let object = rows === 0 ? '\n{' : ',\n{';
      for (let i = 0; i < row.length; i++) {
        object += (i ? ',' : '') + names[i] + JSON.stringify(row[i] ?? null);
      }
      object += '}';
      if (out.fits(object)) out.add(object);
      else await out.write(object);
      rows++;
    }
    await out.write(rows === 0 ? ']\n' : '\n]\n');
  });
  return rows;
}
