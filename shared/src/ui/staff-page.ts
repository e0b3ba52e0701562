// The window console and the office are the same kind of page: a staff member signs in at a PC
// and works at it all day. What they share takes the page's name, which is both the prefix of
// its classes (`console-notice`, `office-notice`) and the namespace of its texts.
export type StaffPage = 'console' | 'office';
