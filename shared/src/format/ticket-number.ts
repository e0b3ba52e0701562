// A ticket number is the category's prefix letter and the day's sequence, at least three
// digits: A001 ... A999, then A1000 on a day busier than any this hall has seen.
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

const TICKET_NUMBER = /^([A-Z])(\d{3,})$/;

export function parseTicketNumber(number: string): { prefix: string; seq: number } | null {
  const match = TICKET_NUMBER.exec(number.trim().toUpperCase());
  if (!match) return null;
  return { prefix: match[1]!, seq: Number(match[2]) };
}

/** Full-width letters and digits (Ａ９ from a Chinese input method) as their ASCII forms. */
const toHalfWidth = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * A number as staff type it at a window, in the hall's form: "A9", "a09", " a 009 " and "Ａ９" are
 * all A009. Null when it is no ticket number at all.
 */
export function normaliseTicketNumber(typed: string): string | null {
  const match = /^([A-Z])(\d+)$/.exec(toHalfWidth(typed).replace(/\s+/g, '').toUpperCase());
  if (!match) return null;
  const seq = Number(match[2]);
  return seq > 0 && Number.isSafeInteger(seq) ? formatTicketNumber(match[1]!, seq) : null;
}
