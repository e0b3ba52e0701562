import type { CallView } from '@hall/shared';

/** A call as the bench tells it apart (calls carry no ticket id): a number is called once at a given moment. */
export const callKey = (call: Pick<CallView, 'number' | 'calledAt'>): string => `${call.number}@${call.calledAt}`;
