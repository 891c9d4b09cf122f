// Text laid out in fixed-width columns: a PDF's table as `pdftotext -layout` gives it, `column -t`, SQL*Plus or a
// report printed to a file. Each line is cut at the columns' starts and handed to the delimited reader as a
// pipe-separated line, so header detection, shapes, line numbers and a table's rules and row count (csv.ts) work
// as for any pasted table.

/** Columns a table needs before text is read as one (two could be a name with a wide space in it). */
export const MIN_COLUMNS = 3;
/** Spaces that separate two columns; one space separates words within a value. */
const GAP = 2;
/** Lines of the head looked at. */
const LINES = 500;
/** A rule under the header made of dash runs (SQL*Plus: `---------- ------`): its runs are the columns. */
const DASH_RULE = /^ *-{2,}(?: +-+)+ *$/;

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The start of each column when the head is a fixed-width table, else null. The header (the first line with
 * content) holds no comma, semicolon, tab or pipe; under it, a dash rule gives the columns, or else they are the
 * runs of text that every line leaves at least two spaces between. At least MIN_COLUMNS columns.
 */
export function fixedColumns(head: string): number[] | null {
  const lines = head.split(LINE_BREAK);
  // The head may end inside a line: that line is not looked at.
  if (!/[\r\n]$/.test(head)) lines.pop();
  lines.length = Math.min(lines.length, LINES);
  const filled = lines.filter((l) => l.trim() !== '');
  if (filled.length < 2 || /[,;\t|]/.test(filled[0])) return null;
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
  return starts;
}

/** A cell as a pipe-separated line holds it: quoted when it holds a quote or a pipe. */
function pipeCell(cell: string): string {
  return cell.includes('"') || cell.includes('|') ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A client's row count under a table (`14 rows selected.`, `(300 rows)`): passed on whole, not cut into cells. */
const ROW_COUNT = /^\s*(?:\d+ rows? selected\.?|\(\d+ rows?\))\s*$/;

/** A line as the delimited reader takes it: blank, a row count whole, or its cells. */
function pipeLine(line: string, starts: readonly number[]): string {
  if (line.trim() === '') return '';
  if (ROW_COUNT.test(line)) return pipeCell(line.trim());
  return fixedCells(line, starts).map(pipeCell).join('|');
}

/** A line cut at the columns' starts: each cell from its start to the next's (the last to the line's end), trimmed. */
export function fixedCells(line: string, starts: readonly number[]): string[] {
  return starts.map((s, i) => line.slice(s, i + 1 < starts.length ? starts[i + 1] : undefined).trim());
}

/** The text as pipe-separated lines, line for line (so line numbers hold). */
export async function* fixedToPipes(chunks: AsyncIterable<string>, starts: readonly number[]): AsyncGenerator<string> {
  let rest = '';
  // Every line break becomes one LF: the delimited reader counts it as the line it was.
  const convert = (text: string): string =>
    text
      .split(LINE_BREAK)
      .map((line) => pipeLine(line, starts))
      .join('\n');
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
    yield convert(text.slice(0, end + 1));
  }
  if (rest) yield convert(rest);
}
