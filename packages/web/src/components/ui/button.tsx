import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export interface ButtonProps extends AriaButtonProps {
  /** Default `secondary`. */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}

/** A button (react-aria: keyboard, press and focus-visible handling); `isPending` announces work in progress. */
export function Button({ variant = 'secondary', className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={`button button-${variant}${typeof className === 'string' ? ` ${className}` : ''}`} />;
}
