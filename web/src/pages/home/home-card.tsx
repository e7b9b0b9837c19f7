import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  title: string;
  children: ReactNode;
  /** The card's way in: the page where the work is done. */
  action?: { to: string; label: string };
  testId?: string;
}

/** One card of a role's home: a title, a few facts, one link. */
export function HomeCard({ title, children, action, testId }: Props) {
  return (
    <li className="card home-card" data-testid={testId}>
      <h2>{title}</h2>
      <div className="home-card-body">{children}</div>
      {action ? (
        <p className="home-card-action">
          <Link to={action.to}>{action.label}</Link>
        </p>
      ) : null}
    </li>
  );
}

/** A label and its number, as a row of a card's facts. */
export function Fact({ label, value, warn = false }: { label: string; value: ReactNode; warn?: boolean }) {
  return (
    <div className={warn ? 'fact fact-warn' : 'fact'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
