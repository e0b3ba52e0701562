// The queue rules of the hall, pure: state + command + clock -> new state + events.
export * from './types';
export * from './errors';
export * from './events';
export type { Outcome } from './outcome';
export { initialState, closedWindow, windowStatus } from './state';
export { openServiceDay } from './begin';
export { isLive, isAfterClosing } from './service-day';
export { peopleAhead, pickNext, waitingInCategory } from './routing';
export { estimatedWaitMinutes, meanHandlingMs } from './estimate';
export * from './tickets';
export * from './windows';
export * from './devices';
export * from './appointments';
export * from './window-day';
export * from './duty';
export * from './evaluations';
export { addWorkingDays, isWorkingDay } from './working-days';
export { satisfactionFigures } from './satisfaction';
