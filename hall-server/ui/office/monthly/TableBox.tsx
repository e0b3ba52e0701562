import type { ReactNode } from 'react';

/** A titled box holding a table that scrolls inside it, never the page sideways. */
export function TableBox({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="monthly-box" aria-labelledby={id}>
      <h3 id={id} className="monthly-box-title">
        {title}
      </h3>
      <div className="monthly-table-box">{children}</div>
    </section>
  );
}
