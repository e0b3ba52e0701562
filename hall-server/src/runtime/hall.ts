import { credentialCommands } from '../commands/credentials';
import { deviceCommands } from '../commands/devices';
import { dutyCommands } from '../commands/duty';
import { evaluationCommands } from '../commands/evaluations';
import { setupCommands } from '../commands/setup';
import { ticketCommands } from '../commands/tickets';
import { windowCommands } from '../commands/windows';
import { dutyQueries } from '../queries/duty';
import { evaluationQueries } from '../queries/evaluations';
import { readModels } from '../queries/read-models';
import type { HallRuntime } from './hall-runtime';

// The hall as routes, the realtime hub and tests use it: every concern's commands and queries,
// each a function of the one runtime, merged into one object (after Actual Budget's loot-core).
// Two modules naming the same handler would let the later one silently win: refused at start.

export function createHall(rt: HallRuntime) {
  const modules = [
    ticketCommands(rt),
    windowCommands(rt),
    evaluationCommands(rt),
    dutyCommands(rt),
    deviceCommands(rt),
    credentialCommands(rt),
    setupCommands(rt),
    readModels(rt),
    evaluationQueries(rt),
    dutyQueries(rt),
  ] as const;
  const [tickets, windows, evaluations, duty, devices, credentials, setup, views, evaluationViews, dutyViews] = modules;
  const hall = {
    ...tickets,
    ...windows,
    ...evaluations,
    ...duty,
    ...devices,
    ...credentials,
    ...setup,
    ...views,
    ...evaluationViews,
    ...dutyViews,
    onChange: rt.onChange.bind(rt),
    onStorageLost: rt.onStorageLost.bind(rt),
    onCheckpointFailed: rt.onCheckpointFailed.bind(rt),
    durable: rt.durable.bind(rt),
    afterDurable: rt.afterDurable.bind(rt),
    flush: rt.flush.bind(rt),
    close: rt.close.bind(rt),
  };
  const named = new Set<string>();
  for (const name of modules.flatMap((handlers) => Object.keys(handlers))) {
    if (named.has(name)) throw new Error(`two hall modules both define ${name}`);
    named.add(name);
  }
  return hall;
}

export type Hall = ReturnType<typeof createHall>;
