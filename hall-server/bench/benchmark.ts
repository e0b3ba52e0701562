import type { Row } from './support/report';

export interface BenchOptions {
  /** The short version, for CI: same steps, less time on each. */
  quick: boolean;
  /** A line on what is being measured now, so a long run shows it is alive. */
  progress(message: string): void;
}

export interface Benchmark {
  /** What `npm run bench -- <name>` selects it by. */
  name: string;
  run(options: BenchOptions): Promise<Row[]>;
}
