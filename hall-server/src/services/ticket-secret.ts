import { randomBytes } from 'node:crypto';

// The visitor's secret: made here, where randomness lives, and passed to the domain with the
// command that issues the ticket (as ticket ids come from the command context).

/** 128 random bits, base64url (22 characters): guessing one is hopeless however fast one asks. */
export const newTicketSecret = (): string => randomBytes(16).toString('base64url');
