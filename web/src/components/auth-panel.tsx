import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/** The narrow single-column frame shared by the sign-in, sign-up and token pages. */
export function AuthPanel({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  return (
    <section className="page page-narrow">
      <div className="panel">
        <h1>{title}</h1>
        {intro ? <p className="lead">{intro}</p> : null}
        {children}
      </div>
    </section>
  );
}
