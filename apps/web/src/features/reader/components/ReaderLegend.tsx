// What the highlight colours and marks in the reader mean; each swatch also carries its name in text.
import { Group, Stack, Text } from '@mantine/core';
import { TONE_LABELS, type ClaimTone } from '../claimTone';

const TONES: ClaimTone[] = ['quiet', 'detected', 'flagged', 'research', 'review', 'correct', 'wrong', 'dismissed'];

export function ReaderLegend() {
  return (
    <Stack gap={6} component="section" aria-label="Legend">
      <Text fw={600} size="sm">
        Legend
      </Text>
      {TONES.map((t) => (
        <Group key={t} gap={8} wrap="nowrap">
          <span className={`cd-claim cd-tone-${t} cd-legend-swatch`} aria-hidden="true">
            claim
          </span>
          <Text size="xs">{TONE_LABELS[t]}</Text>
        </Group>
      ))}
      <Group gap={8} wrap="nowrap">
        <span className="cd-cue-hedge cd-legend-swatch" aria-hidden="true">
          hedge
        </span>
        <Text size="xs">Hedge cue (“allegedly”): wavy underline</Text>
      </Group>
      <Group gap={8} wrap="nowrap">
        <span className="cd-cue-attribution cd-legend-swatch" aria-hidden="true">
          source
        </span>
        <Text size="xs">Attribution cue (“according to”): dotted box</Text>
      </Group>
      <Group gap={8} wrap="nowrap">
        <span className="cd-claim cd-tone-detected cd-overlap cd-legend-swatch" aria-hidden="true">
          both
        </span>
        <Text size="xs">Overlapping claims: darker base line</Text>
      </Group>
    </Stack>
  );
}
