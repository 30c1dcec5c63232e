import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';

export interface LinkProps {
  href: string;
  children: ReactNode;
  /** Looks like a button (still a link: it navigates). */
  variant?: 'link' | 'primary' | 'secondary';
  'aria-label'?: string;
}

/** A client-side navigation link: a real `<a href>`, so it works with the keyboard, middle click and copy link. */
export function Link({ href, children, variant = 'link', ...rest }: LinkProps) {
  return (
    <RouterLink href={href} className={variant === 'link' ? 'link' : `button button-${variant}`} {...rest}>
      {children}
    </RouterLink>
  );
}
