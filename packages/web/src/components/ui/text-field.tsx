import {
  FieldError,
  Input,
  Label,
  Text,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from 'react-aria-components';

export interface TextFieldProps extends Omit<AriaTextFieldProps, 'children'> {
  label: string;
  description?: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
}

/** A labelled text input; its error (from the form's `validationErrors`, keyed by `name`) shows below it. */
export function TextField({ label, description, placeholder, inputMode, ...props }: TextFieldProps) {
  return (
    <AriaTextField {...props} className="field">
      <Label>{label}</Label>
      <Input placeholder={placeholder} inputMode={inputMode} />
      {description && <Text slot="description">{description}</Text>}
      <FieldError className="field-error" />
    </AriaTextField>
  );
}
