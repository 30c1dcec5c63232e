import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text, type RadioGroupProps } from 'react-aria-components';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: ReactNode;
}

export interface RadioGroupFieldProps<V extends string> extends Omit<RadioGroupProps, 'children' | 'onChange' | 'value'> {
  label: string;
  description?: string;
  options: readonly RadioOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
}

/** A labelled group of radio buttons: Tab enters the group, arrow keys choose (react-aria RadioGroup). */
export function RadioGroupField<V extends string>({ label, description, options, value, onChange, ...props }: RadioGroupFieldProps<V>) {
  return (
    <RadioGroup {...props} value={value} onChange={(v) => onChange(v as V)} className="field radio-group">
      <Label>{label}</Label>
      {description && <Text slot="description">{description}</Text>}
      <div className="radio-options">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            <span className="radio-text">
              <span className="radio-label">{o.label}</span>
              {o.description && <span className="radio-description">{o.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
