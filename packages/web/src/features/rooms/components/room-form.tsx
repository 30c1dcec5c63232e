import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { Link } from '@/components/ui/link';
import { RadioGroupField, type RadioOption } from '@/components/ui/radio-group-field';
import { TextField } from '@/components/ui/text-field';
import { ApiError } from '@/lib/api/errors';
import type { PlatformInfo, PlatformName } from '@/lib/api/types';
import { summarizeCapabilities } from './platform-summary';
import { parseRoomSize, type RecordingTrigger, type RecordingType, type RoomFormValues, type RoomMode } from './room-form-values';

const ROOM_MODES: RadioOption<RoomMode>[] = [
  { value: 'normal', label: 'Normal', description: 'Small meetings (up to 4 people on providers that size rooms).' },
  { value: 'group', label: 'Group', description: 'Larger meetings.' },
];
const RECORDING_TYPES: RadioOption<RecordingType>[] = [
  { value: 'none', label: 'No recording' },
  { value: 'local', label: 'Local', description: 'Participants record on their own device.' },
  { value: 'cloud', label: 'Cloud', description: 'The provider records; Meetbridge can transcribe it.' },
];
const RECORDING_TRIGGERS: RadioOption<RecordingTrigger>[] = [
  { value: 'none', label: 'Manually, from the call' },
  { value: 'prompt', label: 'Ask when the meeting starts' },
  { value: 'automatic', label: 'As soon as the meeting starts' },
  { value: 'automatic-2nd-participant', label: 'When a second person joins' },
];

export interface RoomFormProps {
  initial: RoomFormValues;
  platforms: readonly PlatformInfo[];
  /** The room's current platform when it is not among `platforms` (switched off or unconfigured here). */
  unavailablePlatform?: string | null;
  submitLabel: string;
  cancelHref: string;
  /** Whether the room already has a webhook secret (the API never returns the secret itself). */
  secretSet?: boolean;
  /** Sends the values; a rejected `ApiError` puts its field errors next to the fields. */
  onSubmit: (values: RoomFormValues, roomSize: number | null) => Promise<unknown>;
}

/**
 * Create or edit a room. The server validates; its RFC 9457 `errors[]` appear under the fields they
 * name (react-aria `Form` `validationErrors`), anything else above the buttons.
 */
export function RoomForm({ initial, platforms, unavailablePlatform, secretSet = false, submitLabel, cancelHref, onSubmit }: RoomFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  /** Bumped when a submission was refused: keyboard users then land on the first field it named. */
  const [refusals, setRefusals] = useState(0);
  const focusFirstInvalid = () => setRefusals((n) => n + 1);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
  }, [refusals]);
  const set =
    <K extends keyof RoomFormValues>(key: K) =>
    (value: RoomFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const size = parseRoomSize(values.room_size);
    if (!size.ok) {
      setErrors({ room_size: size.message });
      setFormError(null);
      focusFirstInvalid();
      return;
    }
    setPending(true);
    try {
      await onSubmit(values, size.value);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors() : {};
      const { '': whole, ...byField } = fields;
      setErrors(byField);
      setFormError(Object.keys(byField).length && !whole ? null : (whole ?? (error instanceof Error ? error.message : 'Saving failed.')));
      focusFirstInvalid();
    } finally {
      setPending(false);
    }
  };

  const platformOptions: RadioOption<PlatformName>[] = platforms.map((p) => ({
    value: p.name,
    label: p.is_default ? `${p.display_name} (default)` : p.display_name,
    description: summarizeCapabilities(p.capabilities),
  }));

  return (
    <Form
      ref={form}
      validationErrors={errors}
      validationBehavior="aria"
      onSubmit={(e) => void submit(e)}
      className="room-form"
      aria-label="Room settings"
    >
      <TextField
        name="name"
        label="Name"
        isRequired
        value={values.name}
        onChange={set('name')}
        description="Lower-case letters, digits and hyphens; the room's page is /name."
        autoComplete="off"
      />
      <RadioGroupField
        name="platform"
        label="Video platform"
        description={
          unavailablePlatform
            ? `This room is on ${unavailablePlatform}, which cannot be chosen here now; pick another to move it.`
            : 'Where the next meeting runs; a running meeting keeps its platform.'
        }
        options={platformOptions}
        value={values.platform}
        onChange={set('platform')}
      />
      <CheckboxField
        name="is_locked"
        label="Locked"
        description="People knock and the host lets them in."
        isSelected={values.is_locked}
        onChange={set('is_locked')}
        errorMessage={errors.is_locked}
      />
      <RadioGroupField name="room_mode" label="Room mode" options={ROOM_MODES} value={values.room_mode} onChange={set('room_mode')} />
      <TextField
        name="room_size"
        label="Room size"
        inputMode="numeric"
        value={values.room_size}
        onChange={set('room_size')}
        description="Most participants allowed (2-200); empty for the provider's default."
      />
      <RadioGroupField
        name="recording_type"
        label="Recording"
        options={RECORDING_TYPES}
        value={values.recording_type}
        onChange={set('recording_type')}
      />
      {values.recording_type !== 'none' && (
        <RadioGroupField
          name="recording_trigger"
          label="Recording starts"
          options={RECORDING_TRIGGERS}
          value={values.recording_trigger}
          onChange={set('recording_trigger')}
        />
      )}
      <CheckboxField
        name="skip_consent"
        label="Do not ask for recording consent"
        description="Participants are not asked before their audio is kept."
        isSelected={values.skip_consent}
        onChange={set('skip_consent')}
        errorMessage={errors.skip_consent}
      />
      <fieldset className="fieldset">
        <legend>Transcript webhook</legend>
        <TextField
          name="webhook_url"
          label="Webhook URL"
          type="url"
          inputMode="url"
          value={values.webhook_url}
          onChange={set('webhook_url')}
          description="Meetbridge POSTs transcript.completed here, signed the Standard Webhooks way; empty for none."
          autoComplete="off"
        />
        <TextField
          name="webhook_secret"
          label="Webhook secret"
          type="password"
          value={values.webhook_secret}
          onChange={set('webhook_secret')}
          description={
            secretSet
              ? 'A secret is set (it is never shown). Type a new one to replace it; leave empty to keep it.'
              : 'whsec_ followed by at least 24 random bytes in base64, e.g. whsec_$(openssl rand -base64 32).'
          }
          autoComplete="new-password"
        />
        {secretSet && (
          <CheckboxField
            name="remove_webhook_secret"
            label="Remove the secret"
            isSelected={values.remove_webhook_secret}
            onChange={set('remove_webhook_secret')}
            isDisabled={values.webhook_secret !== ''}
          />
        )}
      </fieldset>
      {formError && (
        <p className="form-error" role="alert" tabIndex={-1}>
          {formError}
        </p>
      )}
      <div className="actions">
        <Button type="submit" variant="primary" isPending={pending}>
          {submitLabel}
        </Button>
        <Link href={cancelHref} variant="secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
