import type { PoorRatingReason } from '@hall/shared';

// The comment is put together from common phrases (and digits) tapped on the pad: a kiosk shell
// has no system keyboard or input method, and many visitors could not type pinyin or write on
// glass anyway. Each phrase is one of the things visitors say about a poor service, under the
// follow-up reason it belongs to, so tapping it also ticks that reason for the duty captain.

export interface PadPhrase {
  key: 'waitLong' | 'leftPost' | 'impatient' | 'notExplained' | 'notToldOnce' | 'cameTimes' | 'systemDown' | 'callMe';
  reason: PoorRatingReason;
}

export const PAD_PHRASES: readonly PadPhrase[] = [
  { key: 'waitLong', reason: 'slow' },
  { key: 'leftPost', reason: 'slow' },
  { key: 'impatient', reason: 'attitude' },
  { key: 'notExplained', reason: 'unfamiliar' },
  { key: 'notToldOnce', reason: 'repeated_trips' },
  { key: 'cameTimes', reason: 'repeated_trips' },
  { key: 'systemDown', reason: 'other' },
  { key: 'callMe', reason: 'other' },
];
