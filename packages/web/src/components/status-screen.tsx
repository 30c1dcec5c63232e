import { useEffect, useRef, type ReactNode } from 'react';

export interface StatusScreenProps {
  /** Also the screen's `data-screen` attribute (tests and styles use it). */
  kind: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'info' | 'error';
}

/**
 * A full-page explanation (room not found, meeting ended, provider unavailable, …): its heading takes
 * the focus so keyboard and screen reader users land on the news, and the next steps follow it.
 */
export function StatusScreen({ kind, title, children, actions, tone = 'info' }: StatusScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [kind]);
  return (
    <section className={`status-screen status-${tone}`} data-screen={kind} aria-labelledby={`${kind}-title`}>
      <h1 id={`${kind}-title`} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children && <div className="status-body">{children}</div>}
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
