// The verdict form: a rating from the workspace's scale, the rationale and the correction, validated with the shared zod schema.
import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { verdictSchema, type Rating } from '@claimdesk/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';

interface VerdictValues {
  ratingKey: string;
  rationale: string;
  correction: string;
}
type VerdictErrors = Partial<Record<keyof VerdictValues, string>>;

const FIELD_NAMES: Record<keyof VerdictValues, string> = { ratingKey: 'Rating', rationale: 'Rationale', correction: 'Correction' };

/** Checks the form with the API's own schema, plus the scale's rule that some ratings need a correction. */
export function validateVerdict(values: VerdictValues, ratings: readonly Rating[], propose: boolean): VerdictErrors {
  const errors: VerdictErrors = {};
  const parsed = verdictSchema.safeParse({ ratingKey: values.ratingKey, rationale: values.rationale, correction: values.correction.trim() || null, propose });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof VerdictValues;
      if (field in FIELD_NAMES && !errors[field]) errors[field] = `${FIELD_NAMES[field]}: ${issue.message}`;
    }
  }
  const rating = ratings.find((r) => r.key === values.ratingKey);
  if (values.ratingKey && !rating) errors.ratingKey = 'Rating: not on the workspace’s scale';
  if (rating?.needsCorrection && !values.correction.trim()) errors.correction = `Correction: a “${rating.label}” verdict needs a correction that says what is right`;
  return errors;
}

interface Props {
  ratings: readonly Rating[];
  initial?: Partial<VerdictValues>;
  busy?: boolean;
  serverError?: unknown;
  canPropose?: boolean;
  onSubmit(values: { ratingKey: string; rationale: string; correction: string | null }, propose: boolean): void;
}

export function VerdictForm({ ratings, initial, busy, serverError, canPropose = true, onSubmit }: Props) {
  const [values, setValues] = useState<VerdictValues>({ ratingKey: initial?.ratingKey ?? '', rationale: initial?.rationale ?? '', correction: initial?.correction ?? '' });
  const [errors, setErrors] = useState<VerdictErrors>({});
  const server = serverError instanceof ApiError ? serverError : null;
  const fieldError = (field: keyof VerdictValues) => errors[field] ?? server?.fieldError(field);
  const selected = ratings.find((r) => r.key === values.ratingKey);

  const submit = (propose: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    const found = validateVerdict(values, ratings, propose);
    setErrors(found);
    if (Object.keys(found).length) return;
    onSubmit({ ratingKey: values.ratingKey, rationale: values.rationale.trim(), correction: values.correction.trim() || null }, propose);
  };
  const set = (field: keyof VerdictValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    setValues({ ...values, [field]: e.currentTarget.value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
  };

  return (
    <form onSubmit={submit(true)} noValidate aria-label="Verdict">
      <Stack gap="sm">
        <NativeSelect
          label="Rating"
          value={values.ratingKey}
          onChange={set('ratingKey')}
          error={fieldError('ratingKey')}
          data={[{ value: '', label: 'Choose a rating…' }, ...ratings.map((r) => ({ value: r.key, label: r.needsCorrection ? `${r.label} (needs a correction)` : r.label }))]}
        />
        <Textarea
          label="Rationale"
          description="Why this rating: what the sources show."
          autosize
          minRows={3}
          maxRows={10}
          value={values.rationale}
          onChange={set('rationale')}
          error={fieldError('rationale')}
        />
        <Textarea
          label="Correction"
          description={selected?.needsCorrection ? 'Required for this rating: the words that should have been published.' : 'Optional: what is right.'}
          autosize
          minRows={2}
          maxRows={6}
          value={values.correction}
          onChange={set('correction')}
          error={fieldError('correction')}
          withAsterisk={selected?.needsCorrection}
        />
        {server && !server.fieldError('ratingKey') && !server.fieldError('rationale') && !server.fieldError('correction') && <ErrorText error={server} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => submit(false)()} loading={busy}>
            Save draft
          </Button>
          {canPropose && (
            <Button type="submit" loading={busy}>
              Propose verdict
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
