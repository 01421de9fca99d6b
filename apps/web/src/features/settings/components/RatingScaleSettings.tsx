// The workspace's rating scale; admins edit labels, ClaimReview values and which ratings need a correction.
import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { ADMINS, ratingScaleSchema, type Rating } from '@claimdesk/domain';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ErrorText } from '../../../lib/ErrorText';
import { hasRole, useAuth } from '../../auth';
import { useSaveRatingScale } from '../hooks/useSettingsMutations';
import { useRatingScale } from '../hooks/useWorkspaceData';

export function RatingScaleSettings() {
  const { me } = useAuth();
  const scale = useRatingScale();
  const admin = hasRole(me, ADMINS);
  const [rows, setRows] = useState<Rating[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (scale.data) setRows(scale.data.ratings);
  }, [scale.data]);
  const save = useSaveRatingScale();
  const update = (i: number, patch: Partial<Rating>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (i: number, k: string) => errors[`${i}.${k}`] ?? (save.error instanceof ApiError ? save.error.fieldError(`ratings.${i}.${k}`) : undefined);
  const submit = () => {
    const parsed = ratingScaleSchema.safeParse(rows);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
      if (found['']) found[''] = `The scale: ${found['']}`;
      return setErrors(found);
    }
    setErrors({});
    save.mutate({ ratings: rows, version: scale.data!.version });
  };
  if (scale.isLoading) return <Skeleton h={200} />;
  if (scale.error) return <ErrorText error={scale.error} />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Ratings used for verdicts and published as schema.org ClaimReview. A rating value runs from 1 (worst) up; leave it empty for ratings such as “Unproven”.
      </Text>
      <Paper withBorder radius="md">
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Label</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Rating value</Table.Th>
              <Table.Th>Needs a correction</Table.Th>
              {admin && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput
                    aria-label={`Label of rating ${i + 1}`}
                    size="xs"
                    value={r.label}
                    readOnly={!admin}
                    onChange={(e) => update(i, { label: e.currentTarget.value })}
                    error={err(i, 'label')}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Key of rating ${i + 1}`} size="xs" value={r.key} readOnly={!admin} onChange={(e) => update(i, { key: e.currentTarget.value })} error={err(i, 'key')} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Rating value of ${r.label || `rating ${i + 1}`}`}
                    size="xs"
                    w={100}
                    min={1}
                    max={100}
                    value={r.ratingValue ?? ''}
                    readOnly={!admin}
                    onChange={(v) => update(i, { ratingValue: v === '' ? null : Number(v) })}
                    error={err(i, 'ratingValue')}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    aria-label={`${r.label || `Rating ${i + 1}`} needs a correction`}
                    checked={r.needsCorrection}
                    disabled={!admin}
                    onChange={(e) => update(i, { needsCorrection: e.currentTarget.checked })}
                  />
                </Table.Td>
                {admin && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove rating ${r.label}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {errors[''] && <ErrorText error={new Error(errors[''])} />}
      {save.error && !(save.error instanceof ApiError && save.error.body.details.some((d) => d.path.startsWith('ratings.'))) && <ErrorText error={save.error} />}
      {save.isSuccess && (
        <Text size="sm" c="teal.9" role="status">
          Rating scale saved.
        </Text>
      )}
      {admin ? (
        <Group justify="space-between">
          <Button variant="default" onClick={() => setRows([...rows, { key: '', label: '', ratingValue: null, needsCorrection: false }])}>
            Add a rating
          </Button>
          <Group gap="xs">
            <Button variant="subtle" onClick={() => scale.data && setRows(scale.data.ratings)}>
              Discard changes
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              Save rating scale
            </Button>
          </Group>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Only admins edit the rating scale.
        </Text>
      )}
    </Stack>
  );
}
