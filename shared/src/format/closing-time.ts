import { clockToMinutes, localDate, localMinuteOfDay } from './time';

export interface HallDay {
  timezone: string;
  openingHours: { close: string };
  /** The service day the queue is on; null before the first. */
  serviceDate: string | null;
}

/**
 * From closing time on, or once the calendar day has moved past the service day (延时服务 keeps
 * yesterday's queue after midnight): the server's rule, which the console says to the staff.
 */
export function isAfterClosing(now: number, hall: HallDay): boolean {
  if (hall.serviceDate !== null && localDate(now, hall.timezone) > hall.serviceDate) return true;
  return localMinuteOfDay(now, hall.timezone) >= clockToMinutes(hall.openingHours.close);
}
