// JSON writer: one array of objects per sheet, keyed by column name; numbers as numbers, empty cells as null.
import { CHUNK_CHARS, writeText } from './text-file';
import type { Sheet } from './types';

/** Writes one sheet to `file` (created or truncated); returns the number of data rows. */
export async function writeJson(file: string, sheet: Sheet): Promise<number> {
  const names = sheet.columns.map((c) => JSON.stringify(c.name) + ':');
  let rows = 0;
  await writeText(file, async (write) => {
    let chunk = '[';
    for (const row of sheet.rows()) {
      let object = rows === 0 ? '\n{' : ',\n{';
      for (let i = 0; i < row.length; i++) {
        object += (i ? ',' : '') + names[i] + JSON.stringify(row[i] ?? null);
      }
      chunk += object + '}';
      rows++;
      if (chunk.length >= CHUNK_CHARS) {
        await write(chunk);
        chunk = '';
      }
    }
    await write(chunk + (rows === 0 ? ']\n' : '\n]\n'));
  });
  return rows;
}
