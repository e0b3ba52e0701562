import iconv from 'iconv-lite';

// Decodes the ESC/POS commands the ticket printer module emits, and no others: anything
// unexpected throws, so a stray command fails the test that printed it.

export type Command =
  | { op: 'init' } // ESC @
  | { op: 'intl-charset'; n: number } // ESC R n
  | { op: 'code-page'; n: number } // ESC t n
  | { op: 'chinese-mode' } // FS &
  | { op: 'align'; n: number } // ESC a n
  | { op: 'bold'; on: boolean } // ESC E n
  | { op: 'size'; width: number; height: number } // GS ! n
  | { op: 'feed-lines'; n: number } // ESC d n
  | { op: 'cut'; mode: number } // GS V m
  | { op: 'qr-setting'; fn: number; params: number[] } // GS ( k, cn 49: model, module size, correction
  | { op: 'qr-store'; data: string } // GS ( k, cn 49, fn 80
  | { op: 'qr-print' } // GS ( k, cn 49, fn 81
  | { op: 'status-question'; n: number } // DLE EOT n
  | { op: 'lf' }
  | { op: 'text'; text: string };

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;

function at(bytes: Buffer, i: number): number {
  const byte = bytes[i];
  if (byte === undefined) throw new Error(`command cut short at byte ${i}`);
  return byte;
}

/** Text runs end at the first control byte: GBK's two bytes are both 0x40 or above. */
function textEnd(bytes: Buffer, start: number): number {
  let end = start;
  while (end < bytes.length && at(bytes, end) >= 0x20) end += 1;
  return end;
}

function qrCommand(bytes: Buffer, i: number): { command: Command; next: number } {
  const length = at(bytes, i + 3) + at(bytes, i + 4) * 256;
  const body = bytes.subarray(i + 5, i + 5 + length);
  if (body.length !== length || body[0] !== 0x31) throw new Error(`not a QR code command at byte ${i}`);
  const fn = at(body, 1);
  const next = i + 5 + length;
  if (fn === 0x50) return { command: { op: 'qr-store', data: body.subarray(3).toString('latin1') }, next };
  if (fn === 0x51) return { command: { op: 'qr-print' }, next };
  return { command: { op: 'qr-setting', fn, params: [...body.subarray(2)] }, next };
}

export function decode(bytes: Buffer): Command[] {
  const commands: Command[] = [];
  let i = 0;
  const take = (command: Command, length: number) => {
    commands.push(command);
    i += length;
  };
  while (i < bytes.length) {
    const b = at(bytes, i);
    const b1 = bytes[i + 1];
    if (b === LF) take({ op: 'lf' }, 1);
    else if (b === ESC && b1 === 0x40) take({ op: 'init' }, 2);
    else if (b === ESC && b1 === 0x52) take({ op: 'intl-charset', n: at(bytes, i + 2) }, 3);
    else if (b === ESC && b1 === 0x74) take({ op: 'code-page', n: at(bytes, i + 2) }, 3);
    else if (b === ESC && b1 === 0x61) take({ op: 'align', n: at(bytes, i + 2) }, 3);
    else if (b === ESC && b1 === 0x45) take({ op: 'bold', on: (at(bytes, i + 2) & 1) === 1 }, 3);
    else if (b === ESC && b1 === 0x64) take({ op: 'feed-lines', n: at(bytes, i + 2) }, 3);
    else if (b === FS && b1 === 0x26) take({ op: 'chinese-mode' }, 2);
    else if (b === DLE && b1 === 0x04) take({ op: 'status-question', n: at(bytes, i + 2) }, 3);
    else if (b === GS && b1 === 0x56) take({ op: 'cut', mode: at(bytes, i + 2) }, 3);
    else if (b === GS && b1 === 0x21) {
      const n = at(bytes, i + 2);
      take({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }, 3);
    } else if (b === GS && b1 === 0x28 && bytes[i + 2] === 0x6b) {
      const { command, next } = qrCommand(bytes, i);
      take(command, next - i);
    } else if (b >= 0x20) {
      const end = textEnd(bytes, i);
      take({ op: 'text', text: iconv.decode(bytes.subarray(i, end), 'GBK') }, end - i);
    } else {
      throw new Error(`unknown ESC/POS byte 0x${b.toString(16)} at ${i}`);
    }
  }
  return commands;
}

export interface PrintedLine {
  text: string;
  width: number;
  height: number;
  bold: boolean;
  align: number;
}

/** The text lines as the printer lays them out, each in the print mode its text began in. */
export function printedLines(commands: readonly Command[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  let mode = { width: 1, height: 1, bold: false, align: 0 };
  let lineMode = mode;
  let text = '';
  for (const command of commands) {
    if (command.op === 'size') mode = { ...mode, width: command.width, height: command.height };
    else if (command.op === 'bold') mode = { ...mode, bold: command.on };
    else if (command.op === 'align') mode = { ...mode, align: command.n };
    else if (command.op === 'init') mode = { width: 1, height: 1, bold: false, align: 0 };
    else if (command.op === 'text') {
      if (text === '') lineMode = mode;
      text += command.text;
    } else if (command.op === 'lf' && text !== '') {
      lines.push({ text, ...lineMode });
      text = '';
    }
  }
  return lines;
}
