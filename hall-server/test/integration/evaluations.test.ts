import { EvaluationRecorded, EvaluationReply, EvaluationRequested, FollowUpsReply, FollowUpView, HallReport, HallSnapshot, HeldRatingReply, IssueTicketReply, PhoneRatingReply, RateReply, WindowActionReply } from '@hall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, demoDeviceToken, deviceToken, login, startTestHall, type TestHall } from '../support/hall-server';

// 好差评 and 整改 over HTTP and socket.io, on a hall whose clock the test moves.

/** A demo pad's own credential (pad-01 faces window 1, pad-02 window 2): a `Device-Id` header proves nothing. */
const pad = (hall: TestHall, deviceId: string) => ({ authorization: `Bearer ${demoDeviceToken(hall, deviceId)}` });

describe('ratings at the window and their follow-up', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-03-06T10:00:00+08:00'); // a Friday
  let staffToken: string;
  let captainToken: string;

  /** Sessions lapse when idle: after the clock jumps days, everyone signs in again. */
  async function signInAgain() {
    staffToken = await login(base, '1001', 1);
    const office = await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } });
    expect(office.status).toBe(200);
    captainToken = office.body.token;
  }

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    await signInAgain();
  });
  afterAll(() => hall.stop());

  /** A ticket of category A issued, called and finished at window 1: its id (as staff see it) and the visitor's secret. */
  async function served(caseNo?: string): Promise<{ ticketId: string; secret: string }> {
    const { secret } = IssueTicketReply.parse((await api(base, 'POST', '/api/tickets', { body: { category: 'A' } })).body);
    await api(base, 'POST', '/api/windows/1/call-next', { token: staffToken });
    now += 4 * 60_000;
    const finished = WindowActionReply.parse((await api(base, 'POST', '/api/windows/1/finish', { token: staffToken, body: caseNo ? { caseNo } : {} })).body);
    return { ticketId: finished.ticket!.id, secret };
  }
  const serve = async (caseNo?: string) => (await served(caseNo)).ticketId;
  const rateAt = (deviceId: string | null, body: unknown) =>
    api(base, 'POST', '/api/evaluations', { body, ...(deviceId ? { headers: pad(hall, deviceId) } : {}) });
  /** The rating as recorded: the office's view (a duty captain's). */
  const evaluationOf = async (ticketId: string) => EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body);

  it('asks the window’s pad when a ticket is finished, and takes its rating once', async () => {
    const padFeed = connect(base, { client: 'pad', windowNo: 1 });
    const console1 = connect(base, { client: 'console', windowNo: 1 });
    const otherPad = connect(base, { client: 'pad', windowNo: 2 });
    await Promise.all([padFeed.waitFor('hall:snapshot'), console1.waitFor('hall:snapshot'), otherPad.waitFor('hall:snapshot')]);

    const ticketId = await serve('3412002026030600001');
    const request = EvaluationRequested.parse(await padFeed.waitFor('evaluation:requested'));
    expect(request).toEqual({ ticketId, number: 'A001', windowNo: 1, staff: { staffNo: '1001', name: expect.any(String) }, caseNo: '3412002026030600001', secondsLeft: 30 });

    const rated = await rateAt('pad-01', { ticketId, level: 'satisfied' });
    expect(rated.status).toBe(201);
    // The pad is answered with what the window screen showed and the level: no id, no 办件编号.
    expect(RateReply.parse(rated.body).evaluation).toEqual({
      number: 'A001',
      serviceDate: '2026-03-06',
      windowNo: 1,
      staff: { staffNo: '1001', name: expect.any(String) },
      status: 'rated',
      level: 'satisfied',
      stars: 4,
      channel: 'pad',
      ratedAt: expect.any(String),
    });
    expect(JSON.stringify(rated.body)).not.toContain('3412002026030600001');
    expect((await evaluationOf(ticketId)).evaluation).toMatchObject({ caseNo: '3412002026030600001', channel: 'pad' });
    for (const feed of [padFeed, console1]) {
      expect(EvaluationRecorded.parse(await feed.waitFor('evaluation:recorded'))).toEqual({ ticketId, number: 'A001', windowNo: 1, status: 'rated', level: 'satisfied', channel: 'pad' });
    }

    const again = await rateAt('pad-01', { ticketId, level: 'very_dissatisfied', reasons: ['attitude'] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ALREADY_RATED', message: '这次办事已经评价过了，每次办事只能评价一次' });
    // A rating naming the ticket by id comes from a pad or not at all.
    const byIdWithoutPad = await rateAt(null, { ticketId, level: 'very_satisfied' });
    expect([byIdWithoutPad.status, byIdWithoutPad.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await evaluationOf(ticketId)).toMatchObject({ evaluation: { level: 'satisfied' }, phoneRatingUntil: null });
    // Another window's pad heard nothing of it.
    expect(otherPad.received.filter((r) => r.event.startsWith('evaluation:'))).toEqual([]);
    for (const feed of [padFeed, console1, otherPad]) feed.socket.close();
  });

  it('refuses a pad of another window, a pad the hall does not know, and ratings that are not well formed', async () => {
    const ticketId = await serve();
    const wrong = await rateAt('pad-02', { ticketId, level: 'satisfied' });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'EVALUATION_WRONG_WINDOW']);
    // A name is not a pad, a made-up credential is none, and a kiosk's is not a pad's.
    const named = await api(base, 'POST', '/api/evaluations', { headers: { 'device-id': 'pad-01' }, body: { ticketId, level: 'satisfied' } });
    expect([named.status, named.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const madeUp = await api(base, 'POST', '/api/evaluations', { token: 'hqd_madeup0000000000000000000000000000000000', body: { ticketId, level: 'satisfied' } });
    expect([madeUp.status, madeUp.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const kiosk = await api(base, 'POST', '/api/evaluations', { token: deviceToken(hall, 'kiosk'), body: { ticketId, level: 'satisfied' } });
    expect([kiosk.status, kiosk.body.error.code]).toEqual([403, 'FORBIDDEN']);
    for (const body of [
      { ticketId, level: 'dissatisfied' }, // a poor rating needs a reason
      { ticketId, level: 'satisfied', reasons: ['slow'] },
      { ticketId, level: 'ok' },
      { ticketId, level: 'dissatisfied', reasons: ['slow', 'slow'] },
      { ticketId, level: 'dissatisfied', reasons: ['rude'] },
      { ticketId, level: 'satisfied', stars: 5 },
      { level: 'satisfied' },
      { ticketId, secret: 'AAAAAAAAAAAAAAAAAAAAAA', level: 'satisfied' }, // one name for the ticket, not two
      { secret: ticketId, level: 'satisfied' }, // an id is no secret
    ]) {
      const reply = await rateAt('pad-01', body);
      expect([reply.status, reply.body.error.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    const waiting = await api(base, 'POST', '/api/tickets', { body: { category: 'A' } });
    const early = await rateAt(null, { secret: waiting.body.secret, level: 'satisfied' });
    expect([early.status, early.body.error.code]).toEqual([409, 'TICKET_NOT_FINISHED']);
    // A secret that names no ticket: not found, and nothing more.
    const guessed = await rateAt(null, { secret: 'AAAAAAAAAAAAAAAAAAAAAA', level: 'satisfied' });
    expect([guessed.status, guessed.body.error]).toEqual([404, { code: 'TICKET_NOT_FOUND', message: expect.any(String) }]);
    expect((await evaluationOf(ticketId)).evaluation?.status).toBe('pending');
    // Leave the queue empty for the next test.
    await api(base, 'POST', '/api/windows/1/call-next', { token: staffToken });
    await api(base, 'POST', '/api/windows/1/no-show', { token: staffToken });
  });

  it('records 未评价 when nobody answers in time; the phone page may still rate that day, the pad not', async () => {
    const padFeed = connect(base, { client: 'pad', windowNo: 1 });
    await padFeed.waitFor('hall:snapshot');
    const { ticketId, secret } = await served();
    await padFeed.waitFor('evaluation:requested', (p) => p.ticketId === ticketId);

    // A pad that reloads while asking is asked again, with the time left.
    now += 10_000;
    const reloaded = connect(base, { client: 'pad', windowNo: 1 });
    expect(HallSnapshot.parse(await reloaded.waitFor('hall:snapshot')).evaluation).toMatchObject({ ticketId, secondsLeft: 20 });
    const screen = connect(base, { client: 'hall-screen' });
    expect(HallSnapshot.parse(await screen.waitFor('hall:snapshot')).evaluation).toBeNull();

    now += 21_000;
    hall.server.hall.closeUnansweredEvaluations();
    expect(EvaluationRecorded.parse(await padFeed.waitFor('evaluation:recorded', (p) => p.ticketId === ticketId))).toMatchObject({ status: 'unrated', level: null });
    const unrated = await evaluationOf(ticketId);
    expect(unrated.evaluation?.status).toBe('unrated');
    expect(unrated.phoneRatingUntil).toBe('2026-03-06T16:00:00.000Z'); // midnight in Shanghai

    const late = await rateAt('pad-01', { ticketId, level: 'very_satisfied' });
    expect([late.status, late.body.error.code]).toEqual([409, 'EVALUATION_CLOSED']);
    now += 6 * 3_600_000;
    // The phone page rates by the visitor's secret, and sees its own rating by it: no comment, no 办件编号, no id.
    const fromPhone = await rateAt(null, { secret, level: 'basically_satisfied', comment: '排队有点久' });
    expect(fromPhone.status).toBe(201);
    expect(fromPhone.body.evaluation).toMatchObject({ status: 'rated', level: 'basically_satisfied', channel: 'phone' });
    const phoneView = PhoneRatingReply.parse((await api(base, 'GET', `/api/tickets/${secret}/evaluation`)).body);
    expect(phoneView).toMatchObject({ evaluation: { status: 'rated', level: 'basically_satisfied', number: expect.stringMatching(/^A\d{3}$/) }, phoneRatingUntil: null });
    for (const reply of [fromPhone.body, phoneView]) for (const kept of ['排队有点久', ticketId, '"caseNo"', '"comment"']) expect(JSON.stringify(reply)).not.toContain(kept);
    expect((await evaluationOf(ticketId)).evaluation).toMatchObject({ comment: '排队有点久', channel: 'phone' });
    for (const feed of [padFeed, reloaded, screen]) feed.socket.close();
  });

  it('请评价 asks the pad again about the window’s last visit', async () => {
    const padFeed = connect(base, { client: 'pad', windowNo: 1 });
    await padFeed.waitFor('hall:snapshot');
    const ticketId = await serve();
    now += 31_000;
    hall.server.hall.closeUnansweredEvaluations();
    await padFeed.waitFor('evaluation:recorded', (p) => p.ticketId === ticketId && p.status === 'unrated');
    const asked = await api(base, 'POST', '/api/windows/1/request-evaluation', { token: staffToken });
    expect(asked.status).toBe(200);
    await padFeed.waitFor('evaluation:requested', (p) => p.ticketId === ticketId && p.secondsLeft === 30);
    expect((await rateAt('pad-01', { ticketId, level: 'very_satisfied' })).status).toBe(201);
    const again = await api(base, 'POST', '/api/windows/1/request-evaluation', { token: staffToken });
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_RATED']);
    padFeed.socket.close();
  });

  it('a poor rating opens a follow-up the duty captain sees at once, records its call-back and fix, and counts in the report', async () => {
    // Follow-ups name staff and quote visitors: only a signed-in office page hears of them.
    const eavesdropper = connect(base, { client: 'admin' });
    const refused = await new Promise<Error>((resolve) => eavesdropper.socket.once('connect_error', resolve));
    expect(refused.message).toBe('UNAUTHORIZED');
    eavesdropper.socket.close();
    const office = connect(base, { client: 'admin', token: captainToken });
    await office.waitFor('hall:snapshot');
    const ticketId = await serve('3412002026030600009');
    const poor = await rateAt('pad-01', { ticketId, level: 'dissatisfied', reasons: ['slow', 'repeated_trips'], comment: '材料说了两次' });
    expect(poor.status).toBe(201);
    const opened = (await office.waitFor('follow-up:opened')).followUp;
    expect(opened).toMatchObject({
      ticketId,
      windowNo: 1,
      staff: { staffNo: '1001' },
      caseNo: '3412002026030600009',
      level: 'dissatisfied',
      reasons: ['slow', 'repeated_trips'],
      comment: '材料说了两次',
      callbackDue: '2026-03-09',
      fixDue: '2026-03-27',
      status: 'awaiting_callback',
      overdue: false,
    });
    expect((await evaluationOf(ticketId)).evaluation?.followUpId).toBe(opened.id);
    expect(JSON.stringify(poor.body)).not.toContain('材料说了两次');

    const anonymous = await api(base, 'GET', '/api/follow-ups');
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const windowStaff = await api(base, 'POST', '/api/office/login', { body: { staffNo: '1001', pin: '123456' } });
    expect([windowStaff.status, windowStaff.body.error.code]).toEqual([403, 'FORBIDDEN']);
    // A window session is not an office session.
    expect((await api(base, 'GET', '/api/follow-ups', { token: staffToken })).status).toBe(401);

    const list = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=open', { token: captainToken })).body);
    expect(list.followUps.map((f) => f.id)).toEqual([opened.id]);

    const fixFirst = await api(base, 'POST', `/api/follow-ups/${opened.id}/fix`, { token: captainToken, body: { note: '已整改' } });
    expect([fixFirst.status, fixFirst.body.error.code]).toEqual([409, 'FOLLOW_UP_CALLBACK_FIRST']);
    const empty = await api(base, 'POST', `/api/follow-ups/${opened.id}/callback`, { token: captainToken, body: { note: '  ' } });
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');

    // Monday, the 9th: past Friday's day, within the call-back deadline.
    now = Date.parse('2026-03-09T09:30:00+08:00');
    await signInAgain();
    const calledBack = await api(base, 'POST', `/api/follow-ups/${opened.id}/callback`, { token: captainToken, body: { note: '已电话回访，群众表示理解' } });
    expect(calledBack.status).toBe(200);
    expect(calledBack.body.followUp).toMatchObject({ status: 'awaiting_fix', callback: { by: { staffNo: '2001' }, note: '已电话回访，群众表示理解' }, callbackLate: false });
    // The office page that connected on Friday hears of it (its socket outlives the idle session).
    expect((await office.waitFor('follow-up:changed')).followUp).toMatchObject({ id: opened.id, status: 'awaiting_fix' });
    const twice = await api(base, 'POST', `/api/follow-ups/${opened.id}/callback`, { token: captainToken, body: { note: '再次' } });
    expect(twice.body.error.code).toBe('FOLLOW_UP_STEP_DONE');
    expect((await api(base, 'POST', '/api/follow-ups/nope/callback', { token: captainToken, body: { note: 'x' } })).status).toBe(404);

    const report = HallReport.parse((await api(base, 'GET', '/api/reports/hall?from=2026-03-06&to=2026-03-06', { token: captainToken })).body);
    // Five served on Friday: satisfied, 未评价 (left pending), basically satisfied from the phone, very satisfied after 请评价, dissatisfied.
    expect(report.satisfaction).toMatchObject({
      served: 5,
      rated: 4,
      unrated: 1,
      levels: { very_satisfied: 1, satisfied: 1, basically_satisfied: 1, dissatisfied: 1, very_dissatisfied: 0 },
      satisfactionRate: 0.75,
      averageStars: (5 + 4 + 3 + 2) / 4,
    });
    expect(report.byChannel).toEqual({ pad: 3, phone: 1 });
    expect(report.byWindow).toEqual([expect.objectContaining({ windowNo: 1, served: 5, rated: 4, satisfactionRate: 0.75 })]);
    expect(report.byStaff).toEqual([expect.objectContaining({ staff: expect.objectContaining({ staffNo: '1001' }), served: 5 })]);
    expect(report.followUps).toEqual({ opened: 1, open: 1, overdue: 0, closed: 0 });
    expect(report.followUpsNow).toEqual({ open: 1, overdue: 0 });
    expect(report.noShows).toBe(1);

    // Three weeks of working days later, still not fixed: overdue.
    now = Date.parse('2026-03-30T09:00:00+08:00');
    await signInAgain();
    const overdue = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=overdue', { token: captainToken })).body);
    expect(overdue.followUps).toEqual([expect.objectContaining({ id: opened.id, overdue: true, fixLate: true, callbackLate: false })]);
    const reportLater = HallReport.parse((await api(base, 'GET', '/api/reports/hall?from=2026-03-01&to=2026-03-31', { token: captainToken })).body);
    expect(reportLater.followUps).toEqual({ opened: 1, open: 1, overdue: 1, closed: 0 });
    // A span without the poor rating still shows what the hall owes today.
    const otherSpan = HallReport.parse((await api(base, 'GET', '/api/reports/hall?from=2026-03-30&to=2026-03-30', { token: captainToken })).body);
    expect([otherSpan.followUps.opened, otherSpan.followUpsNow]).toEqual([0, { open: 1, overdue: 1 }]);

    const fixed = await api(base, 'POST', `/api/follow-ups/${opened.id}/fix`, { token: captainToken, body: { note: '窗口人员已培训' } });
    expect(fixed.body.followUp).toMatchObject({ status: 'closed', overdue: false, fixLate: true });
    expect(FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups', { token: captainToken })).body).followUps).toEqual([]);
    expect(FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=all', { token: captainToken })).body).followUps).toHaveLength(1);
    const bad = await api(base, 'GET', '/api/reports/hall?from=2026-03-31&to=2026-03-01', { token: captainToken });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    office.socket.close();
  });

  it('keeps every rating and its question through a restart; the old day can no longer be rated', async () => {
    await signInAgain();
    const ticketId = await serve();
    await hall.restart();
    base = hall.server.url;
    expect((await evaluationOf(ticketId)).evaluation?.status).toBe('pending');
    expect((await rateAt('pad-01', { ticketId, level: 'satisfied' })).status).toBe(201);
    expect((await rateAt('pad-01', { ticketId, level: 'satisfied' })).body.error.code).toBe('ALREADY_RATED');

    const { ticketId: leftOver, secret } = await served();
    now = Date.parse('2026-03-31T09:00:00+08:00');
    await signInAgain();
    hall.server.hall.openServiceDayIfDue();
    const closed = await rateAt(null, { secret, level: 'satisfied' });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'EVALUATION_CLOSED']);
    expect((await evaluationOf(leftOver)).evaluation?.status).toBe('unrated');
  });
});

describe('a poor level touched at the pad is never lost (held ratings), and the call-back number stays with the office', () => {
  let hall: TestHall;
  let base: string;
  let now = Date.parse('2026-03-06T10:00:00+08:00'); // a Friday
  let staffToken: string;
  let captainToken: string;

  beforeAll(async () => {
    hall = await startTestHall({ clock: { now: () => now } });
    base = hall.server.url;
    staffToken = await login(base, '1001', 1);
    captainToken = (await api(base, 'POST', '/api/office/login', { body: { staffNo: '2001', pin: '123456' } })).body.token;
  });
  afterAll(() => hall.stop());

  /** A ticket of category A issued, called and finished at window 1: its id, as the pad is told it. */
  async function serve(): Promise<string> {
    await api(base, 'POST', '/api/tickets', { body: { category: 'A' } });
    await api(base, 'POST', '/api/windows/1/call-next', { token: staffToken });
    now += 4 * 60_000;
    return WindowActionReply.parse((await api(base, 'POST', '/api/windows/1/finish', { token: staffToken, body: {} })).body).ticket!.id;
  }
  const hold = (body: unknown, deviceId: string | null = 'pad-01') => api(base, 'POST', '/api/evaluations/held', { body, ...(deviceId ? { headers: pad(hall, deviceId) } : {}) });

  it('restarts the clock on every hold and, when it still runs out, records the level with the reasons, comment and number so far', async () => {
    const padFeed = connect(base, { client: 'pad', windowNo: 1 });
    const office = connect(base, { client: 'admin', token: captainToken });
    const hallScreen = connect(base, { client: 'hall-screen' });
    await Promise.all([padFeed.waitFor('hall:snapshot'), office.waitFor('hall:snapshot'), hallScreen.waitFor('hall:snapshot')]);
    const ticketId = await serve();

    now += 25_000;
    const first = await hold({ ticketId, level: 'very_dissatisfied' });
    expect(first.status).toBe(200);
    expect(HeldRatingReply.parse(first.body).evaluation).toMatchObject({ ticketId, secondsLeft: 60 });
    // Past the 30 s the hall gives a question: still asking.
    now += 50_000;
    const second = await hold({ ticketId, level: 'very_dissatisfied', reasons: ['attitude'], comment: '说话不耐烦', callbackPhone: '138 1234 5678'.replaceAll(' ', '') });
    expect(HeldRatingReply.parse(second.body).evaluation.secondsLeft).toBe(60);
    const pending = EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body).evaluation;
    // What is held is not a rating yet, and the public view never carries a number.
    expect(pending).toMatchObject({ status: 'pending', level: null });
    expect(JSON.stringify(pending)).not.toContain('13812345678');

    now += 61_000;
    const recorded = EvaluationRecorded.parse(await padFeed.waitFor('evaluation:recorded', (r) => r.ticketId === ticketId));
    expect(recorded).toMatchObject({ status: 'rated', level: 'very_dissatisfied', channel: 'pad' });
    expect(EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body).evaluation).toMatchObject({
      status: 'rated',
      level: 'very_dissatisfied',
      reasons: ['attitude'],
      comment: '说话不耐烦',
      channel: 'pad',
    });
    const opened = FollowUpView.parse((await office.waitFor('follow-up:opened', (f) => f.followUp.ticketId === ticketId)).followUp);
    expect(opened).toMatchObject({ reasons: ['attitude'], callbackPhone: '13812345678', status: 'awaiting_callback' });
    const list = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=open', { token: captainToken })).body);
    expect(list.followUps.find((f) => f.ticketId === ticketId)?.callbackPhone).toBe('13812345678');
    // Nothing a screen, a pad or a phone page hears carries it.
    for (const feed of [padFeed, hallScreen]) expect(JSON.stringify(feed.received)).not.toContain('13812345678');
    for (const feed of [padFeed, office, hallScreen]) feed.socket.close();
  });

  it('a pad that loses power after touching a poor level (and a server restart meanwhile): recorded as 未说明原因, the follow-up opens all the same', async () => {
    const ticketId = await serve();
    expect((await hold({ ticketId, level: 'dissatisfied' })).status).toBe(200);
    // The server restarting meanwhile keeps what was held.
    await hall.restart();
    base = hall.server.url;
    now += 61_000;
    hall.server.hall.closeUnansweredEvaluations();
    expect(EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body).evaluation).toMatchObject({
      status: 'rated',
      level: 'dissatisfied',
      reasons: ['not_given'],
    });
    const list = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=open', { token: captainToken })).body);
    expect(list.followUps.find((f) => f.ticketId === ticketId)).toMatchObject({ reasons: ['not_given'], callbackPhone: null });
  });

  it('without a hold the same silence is 未评价', async () => {
    const ticketId = await serve();
    now += 31_000;
    hall.server.hall.closeUnansweredEvaluations();
    expect(EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body).evaluation).toMatchObject({ status: 'unrated', level: null });
  });

  it('返回 from the reasons lets the held level go over the API: the same silence is then 未评价, with no follow-up', async () => {
    const ticketId = await serve();
    expect((await hold({ ticketId, level: 'very_dissatisfied', reasons: ['attitude'] })).status).toBe(200);
    const release = (deviceId: string) => api(base, 'POST', '/api/evaluations/held/release', { body: { ticketId }, headers: pad(hall, deviceId) });
    expect((await release('pad-02')).body.error.code).toBe('EVALUATION_WRONG_WINDOW');
    const released = await release('pad-01');
    expect(released.status).toBe(200);
    expect(HeldRatingReply.parse(released.body).evaluation).toMatchObject({ ticketId, secondsLeft: 60 });
    now += 61_000;
    hall.server.hall.closeUnansweredEvaluations();
    expect(EvaluationReply.parse((await api(base, 'GET', `/api/evaluations/${ticketId}`, { token: captainToken })).body).evaluation).toMatchObject({ status: 'unrated', level: null });
    const list = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=open', { token: captainToken })).body);
    expect(list.followUps.find((f) => f.ticketId === ticketId)).toBeUndefined();
  });

  it('takes holds from a registered pad of the ticket’s window only, with a well-formed number, and the number on a rating too', async () => {
    const ticketId = await serve();
    // Holds and releases are a pad's alone: not anyone's, not a window's staff, not a kiosk's.
    const noDevice = await hold({ ticketId, level: 'dissatisfied' }, null);
    expect([noDevice.status, noDevice.body.error.code]).toEqual([403, 'FORBIDDEN']);
    for (const token of [staffToken, deviceToken(hall, 'kiosk')]) {
      const held = await api(base, 'POST', '/api/evaluations/held', { token, body: { ticketId, level: 'dissatisfied' } });
      expect([held.status, held.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const released = await api(base, 'POST', '/api/evaluations/held/release', { token, body: { ticketId } });
      expect([released.status, released.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await hold({ ticketId, level: 'dissatisfied' }, 'pad-02')).body.error.code).toBe('EVALUATION_WRONG_WINDOW');
    for (const callbackPhone of ['1381234567', '23812345678', '12345', '010-1234']) {
      expect((await hold({ ticketId, level: 'dissatisfied', callbackPhone })).body.error.code, callbackPhone).toBe('VALIDATION_FAILED');
    }
    expect((await hold({ ticketId, level: 'satisfied', callbackPhone: '13812345678' })).body.error.code).toBe('VALIDATION_FAILED');
    const rated = await api(base, 'POST', '/api/evaluations', {
      headers: pad(hall, 'pad-01'),
      body: { ticketId, level: 'dissatisfied', reasons: ['slow'], callbackPhone: '0551-62345678' },
    });
    expect(rated.status).toBe(201);
    expect(JSON.stringify(rated.body)).not.toContain('62345678');
    const list = FollowUpsReply.parse((await api(base, 'GET', '/api/follow-ups?status=open', { token: captainToken })).body);
    expect(list.followUps.find((f) => f.ticketId === ticketId)?.callbackPhone).toBe('0551-62345678');
    const snapshot = HallSnapshot.parse(await (async () => {
      const feed = connect(base, { client: 'pad', windowNo: 1 });
      const payload = await feed.waitFor('hall:snapshot');
      feed.socket.close();
      return payload;
    })());
    expect(snapshot.supervisionPhone).toBe('12345');
  });
});
