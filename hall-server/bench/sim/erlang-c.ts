/**
 * An M/M/c queue in steady state (Erlang C): the probability that an arrival has to wait, and
 * the mean wait in the queue in the unit of `meanService`. Infinite when the servers cannot
 * keep up.
 */
export function erlangC(servers: number, arrivalsPerUnit: number, meanService: number): { waitProbability: number; meanWait: number } {
  const load = arrivalsPerUnit * meanService;
  if (load >= servers) return { waitProbability: 1, meanWait: Number.POSITIVE_INFINITY };
  // Erlang B by its recurrence (no factorials to overflow), then C from B.
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = (load * blocking) / (k + load * blocking);
  const waitProbability = blocking / (1 - (load / servers) * (1 - blocking));
  return { waitProbability, meanWait: (waitProbability * meanService) / (servers - load) };
}
