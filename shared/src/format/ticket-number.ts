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
