import type ExcelJS from 'exceljs';

// exceljs (with its zip and stream modules) took longer to load than fastify and socket.io
// together, and a restart after a crash or power cut waited for it before answering anyone.
// Workbooks are made or read now and then (a month's report, the ratings export, an items
// sheet): it is loaded the first time one is, not at every start.

export type Excel = typeof ExcelJS;

export async function loadExcel(): Promise<Excel> {
  return (await import('exceljs')).default;
}
