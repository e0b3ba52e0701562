import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspViolations, launchBrowser, newPage, screenshot } from '../support/browser';
import { startTestHall, type TestHall } from '../support/hall-server';

// The API's docs page (/api-docs, @fastify/swagger-ui) as a platform's developer opens it: served
// by the hall server itself (no internet in a hall), under the server's Content-Security-Policy,
// showing the operations of /api/openapi.json with their Chinese summaries and schemas.

describe('the API docs page', () => {
  let hall: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    [hall, browser] = await Promise.all([startTestHall(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
  });

  it('shows every group of operations and a route’s request body, with nothing the policy blocked', async () => {
    const page = await newPage(browser, { viewport: { width: 1366, height: 768 } });
    const offsite: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(hall.server.url) && !request.url().startsWith('data:')) offsite.push(request.url());
    });
    const before = cspViolations.length;
    await page.goto(`${hall.server.url}/api-docs`);
    await page.getByText('政务服务大厅排队叫号系统 API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    await screenshot(page, 'api-docs-top-1366x768');
    // The tickets group, its 取号 operation opened: an example of its body (IssueTicketBody).
    const issue = page.locator('#operations-tickets-postTickets');
    await issue.getByText('取号 · Issue a ticket').click();
    await expect.poll(() => issue.innerText()).toContain('"category"');
    // Its reply (IssueTicketReply) and its refusals, with the codes' Chinese messages.
    expect(await issue.innerText()).toContain('"secret"');
    expect(await issue.innerText()).toContain('CATEGORY_UNATTENDED 这项业务暂无窗口办理');
    await expect.poll(() => page.locator('.opblock-tag').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'api-docs-issue-ticket-1366x768');
    expect(cspViolations.slice(before)).toEqual([]);
    expect(offsite).toEqual([]);
    await page.close();
  }, 60_000);
});
