// Word 97–2003 binary: the paragraph properties that say where a table's cells and rows end and how its cells are
// merged ([MS-DOC] PlcBtePapx → PapxFkp → PAPX grpprl; sprmTDefTable, sprmTVertMerge).

/** What a paragraph mark says about the table it belongs to. */
export interface ParaProps {
  /** Table nesting depth: 0 outside tables, 1 in a table, 2 in a table inside a cell, … */
  depth: number;
  /** The mark ends a row of a top-level table (table terminating paragraph). */
  rowEnd: boolean;
  /** The mark (a paragraph mark, not a cell mark) ends a cell or a row of a nested table. */
  innerCellEnd: boolean;
  innerRowEnd: boolean;
  /** Row definition, on the row's end mark. */
  row?: RowDef;
}

export interface RowDef {
  /** Cell edges in twips, one more than the cells. */
  edges: number[];
  /** Per cell: 0 none, 1 merged with the previous cell (old-style horizontal merge). */
  mergedLeft: boolean[];
  /** Per cell: 0 not merged, 1 continues the cell above, 3 starts a vertical merge. */
  vertMerge: number[];
}

export interface ParaRun {
  fcStart: number;
  fcEnd: number;
  props: ParaProps;
}

const SPRM_P_IN_TABLE = 0x2416;
const SPRM_P_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_INNER_CELL = 0x244b;
const SPRM_P_INNER_TTP = 0x244c;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_T_VERT_MERGE = 0xd62b;
const SPRM_P_CHG_TABS = 0xc615;

const noProps = (): ParaProps => ({ depth: 0, rowEnd: false, innerCellEnd: false, innerRowEnd: false });

/** Calls `visit` with each sprm and its operand; stops quietly at anything malformed. */
function walkSprms(buf: Buffer, visit: (sprm: number, operand: Buffer) => void): void {
  let o = 0;
  while (o + 2 <= buf.length) {
    const sprm = buf.readUInt16LE(o);
    o += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (o >= buf.length) return;
        if (sprm === SPRM_T_DEF_TABLE) {
          if (o + 2 > buf.length) return;
          size = buf.readUInt16LE(o) + 1;
        } else if (sprm === SPRM_P_CHG_TABS && buf[o] === 255) return;
        else size = buf[o]! + 1;
    }
    if (o + size > buf.length) return;
    visit(sprm, buf.subarray(o, o + size));
    o += size;
  }
}

function readRowDef(operand: Buffer): RowDef | undefined {
  const cells = operand[2];
  if (cells === undefined || cells === 0) return undefined;
  const edgesAt = 3;
  const tcAt = edgesAt + 2 * (cells + 1);
  if (tcAt > operand.length) return undefined;
  const edges: number[] = [];
  for (let i = 0; i <= cells; i++) edges.push(operand.readInt16LE(edgesAt + 2 * i));
  const mergedLeft: boolean[] = [];
  const vertMerge: number[] = [];
  for (let i = 0; i < cells; i++) {
    const at = tcAt + 20 * i;
    const flags = at + 2 <= operand.length ? operand.readUInt16LE(at) : 0;
    mergedLeft.push((flags & 3) >= 2);
    vertMerge.push((flags >> 5) & 3);
  }
  return { edges, mergedLeft, vertMerge };
}

function readProps(grpprl: Buffer, data: Buffer | null): ParaProps {
  const props = noProps();
  let inTable = false;
  let itap = -1;
  const merges: [number, number][] = [];
  const visit = (sprm: number, operand: Buffer): void => {
    switch (sprm) {
      case SPRM_P_IN_TABLE:
        inTable = operand[0] === 1;
        break;
      case SPRM_P_TTP:
        props.rowEnd = operand[0] === 1;
        break;
      case SPRM_P_INNER_CELL:
        props.innerCellEnd = operand[0] === 1;
        break;
      case SPRM_P_INNER_TTP:
        props.innerRowEnd = operand[0] === 1;
        break;
      case SPRM_P_ITAP:
        itap = Math.min(64, Math.max(0, operand.readInt32LE(0)));
        break;
      case SPRM_T_DEF_TABLE:
        props.row = readRowDef(operand);
        break;
      case SPRM_T_VERT_MERGE:
        if (operand.length >= 3) merges.push([operand[1]!, operand[2]!]);
        break;
      case SPRM_P_HUGE_PAPX: {
        // The properties were too large for the page: they are in the Data stream.
        const at = operand.readUInt32LE(0);
        if (data && at + 2 <= data.length) {
          const size = data.readUInt16LE(at);
          walkSprms(data.subarray(at + 2, Math.min(data.length, at + 2 + size)), visit);
        }
        break;
      }
    }
  };
  walkSprms(grpprl, visit);
  props.depth = itap >= 0 ? itap : inTable ? 1 : 0;
  if (inTable && props.depth === 0) props.depth = 1;
  for (const [cell, flag] of merges)
    if (props.row && cell < props.row.vertMerge.length) props.row.vertMerge[cell] = flag;
  return props;
}

/** Every paragraph's properties, sorted by file position. */
export function readParagraphRuns(wordDoc: Buffer, tableStream: Buffer, data: Buffer | null): ParaRun[] {
  if (wordDoc.length < 0x10a) return [];
  const fc = wordDoc.readUInt32LE(0x0102);
  const lcb = wordDoc.readUInt32LE(0x0106);
  if (lcb < 12 || fc + lcb > tableStream.length) return [];
  const plc = tableStream.subarray(fc, fc + lcb);
  const count = Math.floor((lcb - 4) / 8);
  const runs: ParaRun[] = [];
  for (let i = 0; i < count; i++) {
    const pn = plc.readUInt32LE((count + 1) * 4 + i * 4) & 0x3fffff;
    const page = wordDoc.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = page[511]!;
    if ((crun + 1) * 4 + crun * 13 > 511) continue;
    for (let j = 0; j < crun; j++) {
      const fcStart = page.readUInt32LE(j * 4);
      const fcEnd = page.readUInt32LE((j + 1) * 4);
      const at = page[(crun + 1) * 4 + j * 13]! * 2;
      let props = noProps();
      if (at > 0 && at < 511) {
        const cb = page[at]!;
        const grpprl =
          cb !== 0
            ? page.subarray(at + 1, at + 1 + 2 * cb - 1)
            : page.subarray(at + 2, at + 2 + 2 * page[at + 1]!);
        if (grpprl.length > 2) props = readProps(grpprl.subarray(2), data); // after the style index
      }
      runs.push({ fcStart, fcEnd, props });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** The properties of the paragraph whose text holds file position `fc`. */
export function propsAt(runs: ParaRun[], fc: number): ParaProps | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run.props;
  }
  return null;
}
