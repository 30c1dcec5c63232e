import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/**
 * A page's `<h1>`. After a client-side navigation it takes the focus, so keyboard and screen reader
 * users start reading the new page instead of staying on the link they followed.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
