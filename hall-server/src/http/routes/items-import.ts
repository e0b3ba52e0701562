import { DryRunQuery, pickLocale, t, type SetupChangeReply } from '@hall/shared';
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain';
import { readItemsSheet } from '../../setup-import/items-sheet';
import { sheetRows, type SheetKind } from '../../setup-import/sheet-rows';
import type { HttpDeps } from '../app';
import { officeStaff } from '../access';
import { parse } from '../parse';

// 事项导入, for administrators (the access table): the center's service items sheet (.xlsx or
// .csv) replaces the items of the categories it names, through the whole set-up's replace (with
// its dry run): all of it or nothing.

const CONTENT_TYPES: Record<string, SheetKind> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/csv': 'csv',
};
/** The center's 185 items are some 20 KB; a workbook with styles a few times that. */
const FILE_LIMIT = 2 * 1024 * 1024;

export const itemsImportRoutes =
  ({ hall }: HttpDeps): FastifyPluginAsync =>
  async (app) => {
    // The file's bytes as they came; these content types are read by this route only.
    app.addContentTypeParser(Object.keys(CONTENT_TYPES), { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_request, body, done) => done(null, body));

    app.post('/api/admin/items/import', { bodyLimit: FILE_LIMIT }, async (request): Promise<SetupChangeReply> => {
      const by = officeStaff(request).staffNo;
      const { dryRun } = parse(DryRunQuery, request.query);
      const locale = pickLocale(request.headers['accept-language']);
      const kind = CONTENT_TYPES[(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];
      if (kind === undefined || !Buffer.isBuffer(request.body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
      const rows = await sheetRows(request.body, kind);
      const setup = hall.setupFile();
      const sheet =
        rows === null ? ({ ok: false, problems: [{ row: 1, reason: t(locale, 'import.notAFile', { kind: kind.toUpperCase() }) }] } as const) : readItemsSheet(rows, setup.categories, locale);
      if (!sheet.ok) throw new DomainError('IMPORT_INVALID', { count: new Set(sheet.problems.map((p) => p.row)).size, problems: sheet.problems });
      const categories = setup.categories.map((category) => {
        const items = sheet.items.get(category.code);
        return items === undefined ? category : { ...category, items };
      });
      return hall.replaceSetup(by, { ...setup, categories }, dryRun === 'true');
    });
  };
