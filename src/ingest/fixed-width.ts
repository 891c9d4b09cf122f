// Text laid out in fixed-width columns: a PDF's table as `pdftotext -layout` gives it, `column -t`, SQL*Plus or a
// report printed to a file. Each line is cut at the columns' starts and handed to the delimited reader as a
// pipe-separated line, so header detection, shapes, line numbers and a table's rules and row count (csv.ts) work
// as for any pasted table. A cell too long for its column goes on over more lines (a PDF's table, SQL*Plus): they
// join their row, above, below or around them as the table's cells are aligned, rather than being read as rows of
// their own. A document's heading over the table is passed on as title lines.
import type { IngestIssue } from '../types.js';
import { MAX_TITLES } from './csv.js';

/** Columns a table needs before text is read as one (two could be a name with a wide space in it). */
export const MIN_COLUMNS = 3;
/** Spaces that separate two columns; one space separates words within a value. */
const GAP = 2;
/** Lines of the head looked at. */
const LINES = 500;
/** A rule under the header made of dash runs (SQL*Plus: `---------- ------`): its runs are the columns. */
const DASH_RULE = /^ *-{2,}(?: +-+)+ *$/;

const LINE_BREAK = /\r\n|\n|\r/;

/** Text, a column gap, text: a line with two runs of text or more. */
const TWO_RUNS = new RegExp(`\\S {${GAP},}\\S`);

/** Whether a line is one run of text (words a space apart: a heading), not cells a column gap apart. */
function oneRun(line: string): boolean {
  return !TWO_RUNS.test(line);
}

/**
 * How many lines head the table as a document's title (a PDF's heading): the first lines with content, up to a blank
 * line, when each is one run of text, the first line after the blank ones is not, and the delimited reader takes
 * them and the blank lines together as title rows (csv.ts MAX_TITLES).
 */
function titleLines(lines: readonly string[]): number {
  let at = 0;
  while (at < lines.length && lines[at].trim() === '') at++;
  let n = 0;
  while (at + n < lines.length && lines[at + n].trim() !== '') n++;
  let next = at + n;
  while (next < lines.length && lines[next].trim() === '') next++;
  const titled = next - at <= MAX_TITLES && lines.slice(at, at + n).every(oneRun) && next < lines.length && !oneRun(lines[next]);
  return titled ? n : 0;
}

/** A fixed-width table: where each column starts, and how many title lines head it. */
export interface FixedTable {
  starts: number[];
  titles: number;
}

/**
 * The columns when the head is a fixed-width table, else null. Under its title lines ({@link titleLines}), the
 * header (the first line with content) holds no comma, semicolon, tab or pipe and starts with no quote; under it,
 * a dash rule gives the columns, or else they are the runs of text that every line leaves at least two spaces
 * between. At least MIN_COLUMNS columns.
 */
export function fixedColumns(head: string): FixedTable | null {
  const lines = head.split(LINE_BREAK);
  // The head may end inside a line: that line is not looked at.
  if (!/[\r\n]$/.test(head)) lines.pop();
  lines.length = Math.min(lines.length, LINES);
  const titles = titleLines(lines);
  const filled = lines.filter((l) => l.trim() !== '').slice(titles);
  // A header in quotes is a one-column CSV's (values with wide spaces in them can look like columns).
  if (filled.length < 2 || /[,;\t|]/.test(filled[0]) || filled[0].trimStart().startsWith('"')) return null;
  let starts: number[] = [];
  if (DASH_RULE.test(filled[1])) {
    for (const m of filled[1].matchAll(/-+/g)) starts.push(m.index);
  } else {
    const width = Math.max(...filled.map((l) => l.length));
    const used = new Uint8Array(width);
    for (const l of filled) for (let p = 0; p < l.length; p++) if (l.charCodeAt(p) !== 32) used[p] = 1;
    let gap = GAP;
    for (let p = 0; p < width; p++) {
      if (!used[p]) gap++;
      else {
        if (gap >= GAP) starts.push(p);
        gap = 0;
      }
    }
  }
  if (starts.length < MIN_COLUMNS) return null;
  // Text left of the first column belongs to it.
  starts = [0, ...starts.slice(1)];
  return { starts, titles };
}

/** A cell as a pipe-separated line holds it: quoted when it holds a quote, a pipe or a wrapped cell's line break. */
function pipeCell(cell: string): string {
  return cell.includes('"') || cell.includes('|') || cell.includes('\n') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A client's row count under a table (`14 rows selected.`, `(300 rows)`): passed on whole, not cut into cells. */
const ROW_COUNT = /^\s*(?:\d+ rows? selected\.?|\(\d+ rows?\))\s*$/;

/** A line cut at the columns' starts: each cell from its start to the next's (the last to the line's end), trimmed. */
export function fixedCells(line: string, starts: readonly number[]): string[] {
  return starts.map((s, i) => line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim());
}

/** A letter in any script: a wrapped cell's text has a word in it (a line of digits alone is a row's number). */
const LETTER = /\p{L}/u;

/**
 * Whether a line holds only parts of wrapped cells: its first cell (a serial number, an id, a name: a row's anchor)
 * is empty, and its text, in at most half the columns, has a word in it. Any other line with text is a row's own.
 */
function isPart(cells: readonly string[]): boolean {
  if (cells[0] !== '') return false;
  let filled = 0;
  let word = false;
  for (let i = 1; i < cells.length; i++) {
    if (cells[i] === '') continue;
    filled++;
    word ||= LETTER.test(cells[i]);
  }
  return word && filled * 2 <= cells.length;
}

/** Between a wrapped cell's parts, and a part line's first cell, until {@link joinWrapped} joins the row. */
const WRAP = '\u2028';
/** Lines one row may take in: more is a block of text, not a cell. */
const MAX_ROW_LINES = 16;
/** Lines held back at most while the rows of a run of lines are told apart. */
const MAX_RUN = 1_024;

/** How a table's cells sit in their rows, which says where a wrapped cell's part lines are. */
type Align = 'top' | 'bottom' | 'middle';

/**
 * The alignment a run of lines shows, or undefined. In the middle, a row's own line is empty under a wrapped
 * cell's parts (the cell's lines sit above and below it), where at the top or the bottom it holds the cell's first
 * or last part: so when most own lines next to part lines are empty under them, the run is middle-aligned. Else its
 * ends tell: bottom-aligned parts precede their row's own line, so one can come first in the run; top-aligned
 * parts follow it, so one can come last when the run ends at a true end (`trueEnd`: not at MAX_RUN).
 */
function alignOf(run: readonly string[][], trueEnd: boolean): Align | undefined {
  const part = run.map(isPart);
  if (!part.includes(false)) return undefined;
  let empty = 0;
  let held = 0;
  part.forEach((p, i) => {
    if (p) return;
    for (const j of [i - 1, i + 1]) {
      if (!part[j]) continue;
      if (run[j].every((text, c) => text === '' || run[i][c] === '')) empty++;
      else held++;
    }
  });
  if (empty > held) return 'middle';
  if (part[0]) return 'bottom';
  if (trueEnd && part[part.length - 1]) return 'top';
  return undefined;
}

/**
 * The rows of a run of lines: each row's own line with the part lines of its wrapped cells, aligned as `align`
 * says: after it (top), before it (bottom), or as many after as before (middle). Between two rows, a middle-aligned
 * row takes as many parts after its line as it had before it; the rest precede the next row's.
 */
function runRows(run: readonly string[][], align: Align): string[][][] {
  const own = run.flatMap((cells, i) => (isPart(cells) ? [] : [i]));
  if (own.length === 0) return run.map((cells) => [cells]);
  // Top-aligned, parts before the first row's own line belong to no row of the run (a page's first lines).
  const rows: string[][][] = align === 'top' ? run.slice(0, own[0]).map((cells) => [cells]) : [];
  let next = align === 'top' ? own[0] : 0; // the first line not yet in a row
  let lead = own[0];
  own.forEach((at, r) => {
    const end = r + 1 < own.length ? own[r + 1] : run.length;
    const gap = end - at - 1;
    const takes = r + 1 === own.length || align === 'top' ? gap : align === 'bottom' ? 0 : Math.min(lead, gap);
    const lines = run.slice(next, at + 1 + takes);
    // Past MAX_ROW_LINES, the parts farthest from the row's own line stand as rows of their own.
    while (lines.length > MAX_ROW_LINES && lines[0] !== run[at]) rows.push([lines.shift()!]);
    const last = lines.length > MAX_ROW_LINES ? lines.splice(MAX_ROW_LINES) : [];
    rows.push(lines, ...last.map((cells) => [cells]));
    next = at + 1 + takes;
    lead = gap - takes;
  });
  return rows;
}

/**
 * A row's lines as one pipe-separated record: its first cell holds each line's (a part line's as {@link WRAP}) with
 * a line break between them, so the delimited reader counts the lines it spans; the other cells their parts with
 * {@link WRAP} between them. {@link joinWrapped} joins them.
 */
function rowLine(lines: readonly string[][]): string {
  if (lines.length === 1) return lines[0].map(pipeCell).join('|');
  return lines[0]
    .map((_, i) => (i === 0 ? lines.map((l) => (isPart(l) ? WRAP : l[0])).join('\n') : lines.map((l) => l[i]).join(WRAP)))
    .map(pipeCell)
    .join('|');
}

/**
 * The text as pipe-separated lines, line for line (so line numbers hold), each row with the part lines of its
 * wrapped cells ({@link isPart}, {@link runRows}). Title lines and the header are taken as they are; a rule, a row
 * count, a blank line and a page break end a run of rows. The table's alignment is the first a run shows
 * ({@link alignOf}; top until then).
 */
export async function* fixedToPipes(chunks: AsyncIterable<string>, { starts, titles }: FixedTable): AsyncGenerator<string> {
  let rest = '';
  /** Title lines still to come: each passed on whole, one cell (csv.ts skips it as a title row). */
  let title = titles;
  let header = false;
  let run: string[][] = [];
  /** Part lines in the run: without any, each line is a row as it is. */
  let parts = 0;
  let align: Align | undefined;
  let out: string[] = [];
  /** Emit the run's rows; at MAX_RUN (not a true end) its last row may go on, and starts the next run. */
  const flush = (trueEnd: boolean): void => {
    if (parts === 0) {
      // At MAX_RUN the last line's row may go on in the next line.
      const go = trueEnd ? run.length : run.length - 1;
      for (let i = 0; i < go; i++) out.push(rowLine([run[i]]));
      run = run.slice(go);
      return;
    }
    align ??= alignOf(run, trueEnd);
    const rows = runRows(run, align ?? 'top');
    run = trueEnd ? [] : rows.pop()!;
    parts = run.filter(isPart).length;
    for (const row of rows) out.push(rowLine(row));
  };
  const take = (text: string): void => {
    if (text.trim() === '' || ROW_COUNT.test(text)) {
      flush(true);
      out.push(text.trim() === '' ? '' : pipeCell(text.trim()));
      return;
    }
    if (title > 0) {
      title--;
      out.push(pipeCell(text.trim()));
      return;
    }
    const cells = fixedCells(text, starts);
    if (!header || DASH_RULE.test(text)) {
      flush(true);
      header = true;
      out.push(rowLine([cells]));
      return;
    }
    if (text.startsWith('\f')) flush(true);
    else if (run.length === MAX_RUN) flush(false);
    run.push(cells);
    if (isPart(cells)) parts++;
  };
  const convert = (text: string, final: boolean): string => {
    // Text up to a line break splits into its lines and an empty string after the last break; the text after the
    // last break (final) is a line when it is not empty.
    const lines = text.split(LINE_BREAK);
    if (!final || text === '') lines.pop();
    for (const l of lines) take(l);
    if (final) flush(true);
    const converted = out.length ? `${out.join('\n')}\n` : '';
    out = [];
    return converted;
  };
  for await (const chunk of chunks) {
    const text = rest + chunk;
    // Up to the last line break; a CR at the very end may be the first half of a CRLF.
    const limit = text.endsWith('\r') ? text.length - 2 : text.length - 1;
    const end = Math.max(text.lastIndexOf('\n', limit), text.lastIndexOf('\r', limit));
    if (end < 0) {
      rest = text;
      continue;
    }
    rest = text.slice(end + 1);
    yield convert(text.slice(0, end + 1), false);
  }
  yield convert(rest, true);
}

/** A wrapped cell's parts joined: without a space inside a number or a date (`81648558` + `615904`), else with one. */
function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const part of parts) {
    if (part === '') continue;
    out = out === '' ? part : out + (/[\d/-]$/.test(out) && /^\d/.test(part) ? '' : ' ') + part;
  }
  return out;
}

/**
 * A row of {@link fixedToPipes}'s lines (starting on physical `line`, record `row`) with its wrapped cells joined,
 * each part line reported as `wrapped-line` at its own line.
 */
export function joinWrapped(cells: string[], line: number, row: number, onIssue: (issue: IngestIssue) => void): void {
  if (!cells[0].includes('\n')) return;
  const firsts = cells[0].split('\n');
  firsts.forEach((first, k) => {
    if (first === WRAP) onIssue({ code: 'wrapped-line', line: line + k, row });
  });
  cells[0] = joinParts(firsts.filter((f) => f !== WRAP));
  for (let i = 1; i < cells.length; i++) cells[i] = joinParts(cells[i].split(WRAP));
}
