import { randomUUID } from 'node:crypto';

/**
 * A UUID of version 7 (RFC 9562): the time in milliseconds, then 74 random bits. Random ids of
 * version 4 land anywhere in an index, so every ticket, event and key written changes a page of
 * its own in each index over them; ids that grow with time are appended to the same few pages.
 * The random bits keep them as hard to guess as the address of a ticket's phone page must be.
 */
export function timeOrderedId(now: number = Date.now()): string {
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  // A version 4 UUID already has its random bits and variant in place; the time and the version
  // digit replace its first 13 hex digits.
  return `${time.slice(0, 8)}-${time.slice(8)}-7${randomUUID().slice(15)}`;
}
