import { credentialCommands } from '../commands/credentials';
import { deviceCommands } from '../commands/devices';
import { deviceTrustCommands } from '../commands/device-trust';
import { dutyCommands } from '../commands/duty';
import { evaluationCommands } from '../commands/evaluations';
import { leaderDutyCommands } from '../commands/leader-duty';
import { onsiteCommands } from '../commands/onsite';
import { reportDayCommands } from '../commands/report-days';
import { setupCommands } from '../commands/setup';
import { ticketCommands } from '../commands/tickets';
import { windowCommands } from '../commands/windows';
import { dutyQueries } from '../queries/duty';
import { evaluationQueries } from '../queries/evaluations';
import { ratingsQueries } from '../queries/ratings';
import { officeLiveQueries } from '../queries/office-live';
import { leaderDutyQueries } from '../queries/leader-duty';
import { onsiteQueries } from '../queries/onsite';
import { operationsQueries } from '../queries/operations';
import { readModels } from '../queries/read-models';
import { reportQueries } from '../queries/reports';
import type { HallRuntime } from './hall-runtime';

// The hall as routes, the realtime hub and tests use it: every concern's commands and queries,
// each a function of the one runtime, merged into one object (after Actual Budget's loot-core).

type Merged<M extends readonly object[]> = M extends readonly [infer First, ...infer Rest extends readonly object[]] ? First & Merged<Rest> : unknown;

/** The modules' handlers in one object; two modules naming the same handler (the later would silently win) are refused. */
export function mergeHandlers<const M extends readonly object[]>(...modules: M): Merged<M> {
  const merged: Record<string, unknown> = {};
  for (const handlers of modules) {
    for (const [name, handler] of Object.entries(handlers)) {
      if (name in merged) throw new Error(`two hall modules both define ${name}`);
      merged[name] = handler;
    }
  }
  return merged as Merged<M>;
}

export function createHall(rt: HallRuntime) {
  return mergeHandlers(
    ticketCommands(rt),
    windowCommands(rt),
    evaluationCommands(rt),
    dutyCommands(rt),
    deviceCommands(rt),
    deviceTrustCommands(rt),
    credentialCommands(rt),
    setupCommands(rt),
    reportDayCommands(rt),
    readModels(rt),
    evaluationQueries(rt),
    dutyQueries(rt),
    leaderDutyCommands(rt),
    leaderDutyQueries(rt),
    onsiteCommands(rt),
    onsiteQueries(rt),
    ratingsQueries(rt),
    reportQueries(rt),
    officeLiveQueries(rt),
    operationsQueries(rt),
    {
      onChange: rt.onChange.bind(rt),
      onCredentialsEnded: rt.onCredentialsEnded.bind(rt),
      onStorageLost: rt.onStorageLost.bind(rt),
      onCheckpointFailed: rt.onCheckpointFailed.bind(rt),
      onPublishFailed: rt.onPublishFailed.bind(rt),
      durable: rt.durable.bind(rt),
      afterDurable: rt.afterDurable.bind(rt),
      flush: rt.flush.bind(rt),
      close: rt.close.bind(rt),
    },
    // Storage faults (issue 17, H2).
    {
      storageStatus: () => rt.storage.status(),
      onStorageChanged: rt.storage.onChange.bind(rt.storage),
      probeStorage: rt.probeStorage.bind(rt),
    },
  );
}

export type Hall = ReturnType<typeof createHall>;
