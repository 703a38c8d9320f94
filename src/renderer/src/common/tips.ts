// Grid tooltips as the cells' own titles, set when the pointer enters a cell: no tooltip component is created per
// cell when rows are drawn (that cost a grid's first paint and every report opened), and a title is never stale.

/** Calls `tip` for the grid cell under `target` and sets (or clears) that cell's title. */
export function titleOnHover(
  target: EventTarget,
  tip: (rowIndex: number, colId: string) => string | undefined,
): void {
  const cell = (target as Element).closest?.('.ag-cell');
  const index = cell?.closest('.ag-row')?.getAttribute('row-index');
  const colId = cell?.getAttribute('col-id');
  if (!cell || index === null || index === undefined || !colId) return;
  const text = tip(Number(index), colId);
  if (text) cell.setAttribute('title', text);
  else cell.removeAttribute('title');
}
