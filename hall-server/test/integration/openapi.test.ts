import { AuditQuery, AuditReply, ErrorCode, HallReport, IssueTicketBody, IssueTicketReply, t } from '@hall/shared';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS } from '../../src/http/access';
import { documentApi } from '../../src/http/api-docs';
import { statusFor } from '../../src/http/errors';
import { ROUTE_DOCS } from '../../src/http/route-docs';
import { api, deviceToken, officeLogin, startTestHall, type TestHall } from '../support/hall-server';

// The API's OpenAPI document (issue 16, H6): every route of the access table in it, with its
// callers and refusals as the tables say; a valid OpenAPI 3.0 document; and what the server
// really answers matches the document's schemas.

type Operation = OpenAPIV3.OperationObject & { 'x-callers'?: string[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/** `/api/windows/:no` as the document writes it. */
const documented = (route: string) => route.replace(/:(\w+)/g, '{$1}');
/** Only what OpenAPI 3.0's schema objects may say: no JSON Schema 2020-12 keywords a 3.0 client would not read. */
const NOT_IN_OPENAPI_3_0 = ['const', '$defs', 'prefixItems', 'examples', '$schema', 'propertyNames', 'patternProperties', 'unevaluatedProperties', 'dependentSchemas', 'contentEncoding'];
const TYPES_3_0 = ['string', 'number', 'integer', 'boolean', 'array', 'object'];

/** OpenAPI 3.0's `nullable: true` as JSON Schema says it (a JSON.parse reviver). */
function fromOpenApi30(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('nullable' in value)) return value;
  const { nullable, ...schema } = value as { nullable: boolean };
  return nullable ? { anyOf: [schema, { type: 'null' }] } : schema;
}

describe('the OpenAPI document at /api/openapi.json', () => {
  let hall: TestHall;
  let base: string;
  let doc: OpenAPIV3.Document;
  const operations: [string, Operation][] = [];
  beforeAll(async () => {
    hall = await startTestHall();
    base = hall.server.url;
    const reply = await api(base, 'GET', '/api/openapi.json');
    expect(reply.status).toBe(200);
    doc = reply.body;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) if (item?.[method]) operations.push([`${method.toUpperCase()} ${path}`, item[method] as Operation]);
    }
  });
  afterAll(async () => {
    await hall.stop();
  });

  it('has every /api route of the access table with its method, and nothing else', () => {
    const apiRoutes = Object.keys(ACCESS).filter((route) => route.split(' ')[1]!.startsWith('/api/'));
    expect(operations.map(([key]) => key).sort()).toEqual(apiRoutes.map(documented).sort());
    // The documentation table has no entry for a route the server does not have.
    expect(Object.keys(ROUTE_DOCS).map(documented).sort()).toEqual(apiRoutes.map(documented).sort());
    // The pages, their assets and the docs page itself are not the API.
    expect(Object.keys(doc.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });

  it('says who may call each operation, with which credential, as the access table does', () => {
    for (const [key, operation] of operations) {
      const rule = ACCESS[key.replace(/\{(\w+)\}/g, ':$1')]!;
      expect(operation['x-callers'], key).toEqual(rule.who);
      const schemes = (operation.security ?? []).map((requirement) => Object.keys(requirement)[0] ?? 'none').sort();
      const expected = rule.who.includes('anyone')
        ? []
        : [
            ...new Set(
              rule.who.map((caller) =>
                caller === 'visitor' ? 'none' : caller === 'staff' ? 'windowSession' : caller === 'captain' || caller === 'admin' ? 'officeSession' : 'deviceToken',
              ),
            ),
          ].sort();
      expect(schemes, key).toEqual(expected);
      for (const scheme of schemes.filter((name) => name !== 'none')) expect(doc.components?.securitySchemes?.[scheme], scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    }
    expect(operations.find(([key]) => key === 'GET /api/reports/hall')![1].security).toEqual([{ officeSession: [] }]);
    expect(operations.find(([key]) => key === 'GET /api/health')![1].security).toBeUndefined();
  });

  it('answers every refusal with the one error body, each code under its HTTP status', () => {
    for (const [key, operation] of operations) {
      const refusals = Object.entries(operation.responses).filter(([status]) => Number(status) >= 400);
      // Every operation at least may fail inside; one that needs a credential says so.
      expect(refusals.map(([status]) => status), key).toContain('500');
      if (operation.security) expect(refusals.map(([status]) => status), key).toContain('401');
      for (const [status, response] of refusals as [string, OpenAPIV3.ResponseObject][]) {
        expect(response.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorReply' });
        const codes = [...response.description.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1] as ErrorCode);
        expect(codes.length, `${key} ${status}`).toBeGreaterThan(0);
        for (const code of codes) {
          expect(ErrorCode.options, `${key}: ${code}`).toContain(code);
          expect(statusFor(code), `${key}: ${code}`).toBe(Number(status));
          expect(response.description).toContain(t('zh-CN', `error.${code}`));
        }
      }
    }
    const issue = operations.find(([key]) => key === 'POST /api/tickets')![1];
    expect((issue.responses['409'] as OpenAPIV3.ResponseObject).description).toContain('`CATEGORY_UNATTENDED`');
  });

  it('is a valid OpenAPI 3.0 document', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.info).toMatchObject({ title: expect.stringContaining('API'), version });
    expect(doc.info.description).toMatch(/[\u4e00-\u9fff]/);
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    const tags = new Set(doc.tags?.map((tag) => tag.name));
    const operationIds = operations.map(([, operation]) => operation.operationId);
    expect(new Set(operationIds).size).toBe(operations.length);
    // Every group shown has operations in it.
    for (const tag of tags) expect(operations.some(([, operation]) => operation.tags?.includes(tag!)), tag).toBe(true);
    for (const [key, operation] of operations) {
      expect(operation.summary, key).toMatch(/[\u4e00-\u9fff].* · [A-Za-z]/);
      expect(operation.tags?.length, key).toBe(1);
      expect(tags, key).toContain(operation.tags![0]);
      expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), key).toBe(true);
      for (const response of Object.values(operation.responses) as OpenAPIV3.ResponseObject[]) expect(response.description, key).toBeTruthy();
      // A path's every {param} is a required path parameter, and no other is.
      const inPath = [...key.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const parameters = (operation.parameters ?? []) as OpenAPIV3.ParameterObject[];
      expect(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.required]), key).toEqual(inPath.map((name) => [name, true]));
      for (const parameter of parameters) expect(['path', 'query', 'header'], key).toContain(parameter.in);
    }
    // Every reference resolves; every schema speaks OpenAPI 3.0.
    const schemas = doc.components?.schemas ?? {};
    const text = JSON.stringify(doc);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) expect(schemas, name).toHaveProperty(name!);
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${at}/${i}`));
      if (typeof value !== 'object' || value === null) return;
      const node = value as Record<string, unknown>;
      for (const keyword of NOT_IN_OPENAPI_3_0) expect(Object.hasOwn(node, keyword) && at.endsWith('/properties') === false, `${at}: ${keyword}`).toBe(false);
      if (typeof node.type !== 'object' && node.type !== undefined && !at.endsWith('/properties')) expect(TYPES_3_0, `${at}: type`).toContain(node.type);
      if (Array.isArray(node.type)) expect.fail(`${at}: a type list is OpenAPI 3.1`);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk(schemas, '#/components/schemas');
    for (const [key, operation] of operations) walk({ parameters: operation.parameters, requestBody: operation.requestBody, responses: operation.responses }, key);
  });

  it('describes the routes’ bodies, queries and replies by their shared schemas', () => {
    const schemas = doc.components!.schemas as Record<string, OpenAPIV3.SchemaObject>;
    const issue = operations.find(([key]) => key === 'POST /api/tickets')![1];
    expect((issue.requestBody as OpenAPIV3.RequestBodyObject).content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/IssueTicketBody' });
    expect(Object.keys(schemas.IssueTicketBody!.properties!)).toEqual(Object.keys(IssueTicketBody.shape));
    expect(schemas.IssueTicketBody!.required).toEqual(['category']);
    expect((issue.responses['201'] as OpenAPIV3.ResponseObject).content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/IssueTicketReply' });
    expect(Object.keys(schemas.IssueTicketReply!.properties!).sort()).toEqual(Object.keys(IssueTicketReply.shape).sort());
    expect(issue.parameters).toEqual([expect.objectContaining({ in: 'header', name: 'idempotency-key', required: false })]);

    const report = operations.find(([key]) => key === 'GET /api/reports/hall')![1];
    expect((report.parameters as OpenAPIV3.ParameterObject[]).map((p) => [p.in, p.name, p.required])).toEqual([
      ['query', 'from', true],
      ['query', 'to', true],
    ]);
    expect((report.responses['200'] as OpenAPIV3.ResponseObject).content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/HallReport' });
    expect(Object.keys(schemas.HallReport!.properties!).sort()).toEqual(Object.keys(HallReport.shape).sort());

    const upload = operations.find(([key]) => key === 'POST /api/admin/items/import')![1];
    expect((upload.requestBody as OpenAPIV3.RequestBodyObject).content).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    });
    const csv = operations.find(([key]) => key === 'GET /api/admin/audit.csv')![1];
    expect(Object.keys((csv.responses['200'] as OpenAPIV3.ResponseObject).content!)).toEqual(['text/csv']);
    const logout = operations.find(([key]) => key === 'POST /api/auth/logout')![1];
    expect((logout.responses['204'] as OpenAPIV3.ResponseObject).content).toBeUndefined();
  });

  it('matches what the server answers: a ticket, the hall’s and the monthly report, a refusal', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    // The document's components, addressed as the document addresses them, in JSON Schema.
    const asJsonSchema = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'), fromOpenApi30) as object;
    ajv.addSchema(asJsonSchema({ components: doc.components }), 'openapi.json');
    const replySchema = (route: string, status: number) => {
      const [method, path] = route.split(' ') as [string, string];
      const response = doc.paths[path]![method.toLowerCase() as 'get']!.responses[status] as OpenAPIV3.ResponseObject;
      return ajv.compile(asJsonSchema(response.content!['application/json']!.schema));
    };
    const check = (route: string, status: number, body: unknown) => {
      const validate = replySchema(route, status);
      expect(validate(body), `${route} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    };
    const kiosk = deviceToken(hall, 'kiosk');
    const issued = await api(base, 'POST', '/api/tickets', { token: kiosk, body: { category: 'A' } });
    expect(issued.status).toBe(201);
    check('POST /api/tickets', 201, issued.body);
    const office = await officeLogin(base, '9001');
    const report = await api(base, 'GET', '/api/reports/hall?from=2026-01-01&to=2026-12-31', { token: office });
    expect(report.status).toBe(200);
    check('GET /api/reports/hall', 200, report.body);
    const monthly = await api(base, 'GET', '/api/reports/monthly?month=2026-11', { token: office });
    expect(monthly.status).toBe(200);
    check('GET /api/reports/monthly', 200, monthly.body);
    const refused = await api(base, 'POST', '/api/tickets', { token: kiosk, body: { category: 'A', extra: 1 } });
    expect(refused.status).toBe(400);
    check('POST /api/tickets', 400, refused.body);
    // The check would see a reply the document does not describe.
    expect(replySchema('POST /api/tickets', 201)({ ...issued.body, ticket: { ...issued.body.ticket, status: 'lost' } })).toBe(false);
  });
});

describe('the documentation table', () => {
  it('refuses to start with an /api route missing from it, naming the route and the table', async () => {
    const app = Fastify();
    documentApi(app);
    app.register(async (child) => {
      child.get('/api/health', async () => ({}));
      child.post('/api/tickets/bulk', async () => ({}));
    });
    await expect(app.ready()).rejects.toThrow("POST /api/tickets/bulk is not in the API's documentation table (hall-server/src/http/route-docs.ts)");
    await app.close();
  });

  it('documents an export as its files, and as JSON when the query may ask for that', async () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const app = Fastify();
    documentApi(app, {
      'GET /api/openapi.json': ROUTE_DOCS['GET /api/openapi.json']!,
      'GET /api/admin/audit.csv': { summary: '导出 · Export', tag: 'admin', querystring: AuditQuery, replies: { 200: { files: [XLSX, 'text/csv'], description: '导出 · The export', json: AuditReply } } },
    });
    app.register(async (child) => {
      child.get('/api/admin/audit.csv', async () => ({}));
    });
    await app.ready();
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenAPIV3.Document;
    const reply = document.paths['/api/admin/audit.csv']!.get!.responses['200'] as OpenAPIV3.ResponseObject;
    expect(reply.description).toBe('导出 · The export');
    expect(reply.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/AuditReply' } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    });
    expect(document.components?.schemas).toHaveProperty('AuditEntry');
    await app.close();
  });
});
