import { describe, expect, it } from 'vitest';
import { finish } from '../../src/domain';
import { DEFAULT_CATEGORIES, TestHall, eventsOf, sh } from './fixtures';

// The 事项 chosen at 办结: the province's 好差评 platform files each rating under its service
// item, so the item must be one of the ticket's own category, and the rating carries it.

const ITEMS = {
  A: [
    { code: 'A-01', name: '营业执照设立登记' },
    { code: 'A-02', name: '营业执照变更登记' },
  ],
  B: [{ code: 'B-01', name: '不动产转移登记' }],
};

function servingHall() {
  const categories = DEFAULT_CATEGORIES.map((c) => ({ ...c, items: ITEMS[c.code as keyof typeof ITEMS] ?? [] }));
  const hall = new TestHall({ categories }, sh('2026-12-07 10:00'));
  hall.signIn(1);
  hall.take('A');
  hall.next(1);
  return hall;
}

const finishWith = (hall: TestHall, itemCode: string | null) =>
  hall.run((s, c) => finish(s, { windowNo: 1, staffNo: '101', caseNo: 'HY-0001', itemCode }, c));

describe('the 事项 at 办结', () => {
  it('records an item of the ticket’s category on the ticket, its event and its rating', () => {
    const hall = servingHall();
    const outcome = finishWith(hall, 'A-02');
    const ticket = outcome.result;
    expect(ticket).toMatchObject({ status: 'finished', itemCode: 'A-02' });
    expect(eventsOf(outcome.events, 'ticket.finished')[0]).toMatchObject({ itemCode: 'A-02', caseNo: 'HY-0001' });
    expect(hall.state.evaluations.get(ticket.id)).toMatchObject({ itemCode: 'A-02', status: 'pending' });
  });

  it('refuses an item of another category, and an unknown one, leaving the visit in hand', () => {
    const hall = servingHall();
    for (const itemCode of ['B-01', 'A-99']) {
      expect(() => finishWith(hall, itemCode)).toThrow(
        expect.objectContaining({ code: 'ITEM_NOT_OF_CATEGORY', details: { category: 'A', itemCode } }),
      );
    }
    expect(hall.state.windows.get(1)?.currentTicketId).not.toBeNull();
  });

  it('finishes without an item when none was chosen', () => {
    const hall = servingHall();
    const ticket = finishWith(hall, null).result;
    expect(ticket.itemCode).toBeNull();
    expect(hall.state.evaluations.get(ticket.id)?.itemCode).toBeNull();
  });
});
