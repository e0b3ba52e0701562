import Database from 'better-sqlite3';
import { clientsOf, startChildren } from '../call-to-screen';
import { sleep } from '../support/clock';
import { readDemoHall } from '../support/demo-hall';

// The hall server's memory on a year of data with the hall's 300 clients connected (screens,
// pads, kiosks, phone pages following the last day's tickets), against a bare socket.io
// server holding the same clients. Each in a fresh process, so neither inherits the other's heap.

/** Long enough for the snapshots to be sent and the heap to settle (a quick run takes less care). */
const SETTLE_MS = { full: 2000, quick: 1000 };

export async function rssWithClients(database: string, quick: boolean): Promise<{ hallMb: number; bareMb: number; clients: number }> {
  const db = new Database(database, { readonly: true });
  // The phones follow the last day's tickets by their secrets, as from the QR codes.
  const followed = db.prepare(`SELECT secret FROM tickets WHERE secret IS NOT NULL AND service_date = (SELECT MAX(service_date) FROM tickets)`).pluck().all() as string[];
  db.close();
  const { windows } = readDemoHall();
  let clients = 0;

  const measure = async (start: (children: Awaited<ReturnType<typeof startChildren>>) => Promise<string>) => {
    const children = await startChildren();
    try {
      const url = await start(children);
      // Each device with its credential (the demo hall's, once the server enrolled them; none for the bare baseline).
      const hellos = clientsOf(windows, followed, await children.host.call('deviceCredentials'));
      clients = hellos.length;
      await children.screens.call('connect', url, hellos);
      await sleep(quick ? SETTLE_MS.quick : SETTLE_MS.full);
      return await children.host.call('rssMb');
    } finally {
      await Promise.all([children.host.stop(), children.screens.stop()]);
    }
  };
  const hallMb = await measure((children) => children.host.call('startHallOn', database));
  const bareMb = await measure((children) => children.host.call('startBare'));
  return { hallMb, bareMb, clients };
}
