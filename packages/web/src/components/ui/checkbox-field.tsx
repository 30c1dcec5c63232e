import { Checkbox, type CheckboxProps } from 'react-aria-components';

export interface CheckboxFieldProps extends Omit<CheckboxProps, 'children'> {
  label: string;
  description?: string;
  /** A server-side error for this field. */
  errorMessage?: string;
}

/** A checkbox with its description and error (react-aria Checkbox: Space toggles it). */
export function CheckboxField({ label, description, errorMessage, ...props }: CheckboxFieldProps) {
  const descriptionId = props.name ? `${props.name}-description` : undefined;
  return (
    <div className="field">
      <Checkbox
        {...props}
        className="checkbox"
        isInvalid={Boolean(errorMessage)}
        aria-describedby={description ? descriptionId : undefined}
        aria-errormessage={errorMessage ? `${props.name}-error` : undefined}
      >
        <span className="checkbox-box" aria-hidden="true" />
        {label}
      </Checkbox>
      {description && (
        <p className="field-description" id={descriptionId}>
          {description}
        </p>
      )}
      {errorMessage && (
        <p className="field-error" id={`${props.name}-error`}>
          {errorMessage}
        </p>
      )}
    </div>
  );
}
