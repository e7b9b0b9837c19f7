import { Children, type ReactNode } from 'react';

interface FormMessageProps {
  kind: 'error' | 'success' | 'info';
  children?: ReactNode;
  testId?: string;
}

/**
 * Errors interrupt (role="alert"); successes are announced politely (role="status").
 * The live region is rendered even when empty because screen readers only announce
 * changes inside a region that already exists.
 */
export function FormMessage({ kind, children, testId }: FormMessageProps) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div role={role} className="live-region">
      {Children.toArray(children).length > 0 ? (
        <div className={`notice notice-${kind}`} data-testid={testId}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

interface SubmitButtonProps {
  pending: boolean;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
}

/** Disabled while the request is in flight so a double click cannot submit twice. */
export function SubmitButton({ pending, disabled, children, className }: SubmitButtonProps) {
  return (
    <button type="submit" className={className ?? 'button-primary'} disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
