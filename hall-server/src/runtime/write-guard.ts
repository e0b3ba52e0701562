import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

// The hall runtime is the only writer (runtime/hall-runtime.ts). The stores get this handle of
// the database: reading through it is free, but a statement that changes the database, run
// anywhere but inside the runtime's write, throws at once instead of slipping past the commit
// group (unrolled back with a failed group, published before it is on disk). Migrations, the
// first seeding and the commit group itself use the database directly.

export class WriteOutsideRuntimeError extends Error {
  constructor(sql: string) {
    super(`a write outside the hall runtime: ${sql.trim().split(/\s+/).slice(0, 6).join(' ')} … (write through runtime.run or runtime.write)`);
    this.name = 'WriteOutsideRuntimeError';
  }
}

const RUNNERS = ['run', 'get', 'all', 'iterate'] as const;

function guardStatement(statement: Statement, writing: () => boolean): Statement {
  if (statement.readonly) return statement;
  for (const name of RUNNERS) {
    const runner = statement[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(statement, name, {
      value(this: Statement, ...args: unknown[]) {
        if (!writing()) throw new WriteOutsideRuntimeError(statement.source);
        return runner.apply(this, args);
      },
    });
  }
  return statement;
}

/** The database as the stores see it: writes only while `writing()` says the runtime is writing. */
export function guardedDb(db: Db, writing: () => boolean): Db {
  const refuseOutside =
    <A extends unknown[], R>(what: string, call: (...args: A) => R) =>
    (...args: A): R => {
      if (!writing()) throw new WriteOutsideRuntimeError(what);
      return call(...args);
    };
  const overrides: Partial<Record<keyof Db, unknown>> = {
    prepare: (sql: string) => guardStatement(db.prepare(sql), writing),
    exec: refuseOutside('exec', (sql: string) => db.exec(sql)),
    transaction: (write: (...args: unknown[]) => unknown) => refuseOutside('transaction', db.transaction(write)),
    pragma: refuseOutside('pragma', db.pragma.bind(db)),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property in overrides) return overrides[property as keyof Db];
      const value: unknown = Reflect.get(target, property, target);
      // better-sqlite3's own methods need the real database as `this`.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
