import { z } from 'zod';
import { CategoryCode } from './hall';

// 预约服务: booked by phone or on the web, on working days and weekends; the visitor checks in
// at the kiosk with the code and is queued with priority.

/**
 * 10 digits (issue 15): walking them at the hall's check-in cap takes years (see APPOINTMENT_CODE_DIGITS).
 * A 6-digit code booked before then is still taken on its day.
 */
export const AppointmentCode = z.string().regex(/^(\d{10}|\d{6})$/, 'an appointment code is 10 digits');

/** The digits of a code booked now; 6-digit codes are only those booked before issue 15. */
export const APPOINTMENT_CODE_DIGITS = 10;

/** A code as people read it out and type it: 123 456 7890 (a 6-digit one as 123 456). */
export function groupAppointmentCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 3)} ${code.slice(3, 6)} ${code.slice(6)}` : code.replace(/^(\d{3})(\d{3})$/, '$1 $2');
}

export const AppointmentStatus = z.enum(['booked', 'checked_in']);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const AppointmentView = z.object({
  id: z.string(),
  code: AppointmentCode,
  category: CategoryCode,
  categoryName: z.string(),
  /** The hall's local date of the visit. */
  date: z.iso.date(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  status: AppointmentStatus,
  ticketId: z.string().nullable(),
  bookedAt: z.iso.datetime(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;

export const BookAppointmentBody = z.strictObject({
  category: CategoryCode,
  date: z.iso.date(),
  name: z.string().trim().min(1).max(40).optional(),
  phone: z.string().regex(/^1\d{10}$/, 'a mobile number is 11 digits starting with 1').optional(),
});
export type BookAppointmentBody = z.infer<typeof BookAppointmentBody>;

export const AppointmentReply = z.object({ appointment: AppointmentView });
export type AppointmentReply = z.infer<typeof AppointmentReply>;

export const CheckInBody = z.strictObject({ code: AppointmentCode });
export type CheckInBody = z.infer<typeof CheckInBody>;
