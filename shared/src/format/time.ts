// Times travel and are stored as UTC; the hall lives in its own time zone (Asia/Shanghai by
// default). These helpers are the one place that turns an instant into the hall's local
// calendar date and clock time, so numbering, opening hours and screens all agree.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The minute last looked up. A command asks about its instant several times over (the service
 * day, opening hours, numbering), and formatting is the slow part.
 */
let lastMinute: { timeZone: string; start: number; parts: LocalParts } | null = null;

export function localParts(epochMs: number, timeZone: string): LocalParts {
  const start = epochMs - (((epochMs % 60_000) + 60_000) % 60_000);
  const second = Math.floor((epochMs - start) / 1000);
  if (lastMinute !== null && lastMinute.start === start && lastMinute.timeZone === timeZone) return { ...lastMinute.parts, second };
  const parts = formatParts(start, timeZone);
  // Zones whose offset is not whole minutes (old local mean times) are not kept.
  if (parts.second !== 0) return formatParts(epochMs, timeZone);
  lastMinute = { timeZone, start, parts };
  return { ...parts, second };
}

function formatParts(epochMs: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The hall's local calendar date, `YYYY-MM-DD`. */
export function localDate(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** The hall's local clock time, `HH:MM`. */
export function localTime(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** `2026-12-07 09:31:05` in the hall's time zone: what a spreadsheet reads as a time. */
export function localDateTime(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${localDate(epochMs, timeZone)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** Minutes since local midnight, for comparing with opening hours. */
export function localMinuteOfDay(epochMs: number, timeZone: string): number {
  const p = localParts(epochMs, timeZone);
  return p.hour * 60 + p.minute;
}

/** The calendar date after `date` (`YYYY-MM-DD`). */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The instant local midnight begins `date` in the hall's time zone. */
export function startOfLocalDate(date: string, timeZone: string): number {
  const asUtc = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment, found by reading the UTC instant as a local wall time.
  const offset = (at: number) => {
    const p = localParts(at, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
  };
  const guess = asUtc - offset(asUtc);
  return asUtc - offset(guess);
}

/** The instant the hall's clocks show `clock` (`HH:MM`) on the local day of `now`. */
export function localClockOnDayOf(now: number, clock: string, timeZone: string): number {
  return startOfLocalDate(localDate(now, timeZone), timeZone) + clockToMinutes(clock) * 60_000;
}

/** `HH:MM` -> minutes since midnight. */
export function clockToMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
