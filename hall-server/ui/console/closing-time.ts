import { clockToMinutes, localDate, localMinuteOfDay, type HallSnapshot } from '@hall/shared';

/** From closing time on (or once the calendar day has moved past the service day), as the server decides it. */
export function isAfterClosing(now: number, hall: Pick<HallSnapshot, 'timezone' | 'openingHours' | 'serviceDate'>): boolean {
  if (localDate(now, hall.timezone) > hall.serviceDate) return true;
  return localMinuteOfDay(now, hall.timezone) >= clockToMinutes(hall.openingHours.close);
}
