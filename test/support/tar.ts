// A minimal tar writer (ustar, with GNU long names and pax records on request): the archives leaks come in, and hostile ones.

export interface TarEntry {
  name: string;
  data?: Buffer | string;
  /** Entry type: '0' file (default), '5' folder, '2' symbolic link. */
  type?: string;
  /** How a long name is written: a GNU 'L' entry or a pax 'x' record. */
  longName?: 'gnu' | 'pax';
}

export function tarHeader(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(type, 156, 'latin1');
  h.write('ustar\u000000', 257, 'latin1');
  h.fill(32, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

const tarPad = (n: number): Buffer => Buffer.alloc((512 - (n % 512)) % 512);

/** A tar archive of `entries`, ended by two zero blocks. */
export function tar(entries: TarEntry[]): Buffer {
  const out: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.data ?? '');
    if (e.longName === 'gnu') {
      const n = Buffer.from(`${e.name}\0`);
      out.push(tarHeader('././@LongLink', n.length, 'L'), n, tarPad(n.length));
    } else if (e.longName === 'pax') {
      const body = ` path=${e.name}\n`;
      let rec = `${body.length + 1}${body}`;
      rec = `${body.length + String(rec.length).length}${body}`;
      out.push(tarHeader('PaxHeader/x', Buffer.byteLength(rec), 'x'), Buffer.from(rec), tarPad(Buffer.byteLength(rec)));
    }
    out.push(tarHeader(e.longName ? 'truncated-name' : e.name, data.length, e.type ?? '0'), data, tarPad(data.length));
  }
  out.push(Buffer.alloc(1024));
  return Buffer.concat(out);
}
