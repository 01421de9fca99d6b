// A claim shown inside its paragraph, as text: markup in either never becomes elements.
import { Mark, Text } from '@mantine/core';

/** The paragraph as text with the claim's words marked; falls back to the claim alone when it is not found. */
export function ClaimInParagraph({ paragraph, claim }: { paragraph: string; claim: string }) {
  const at = paragraph.indexOf(claim);
  if (!paragraph || at < 0)
    return (
      <Text size="sm" style={{ fontFamily: 'Georgia, serif' }}>
        <Mark>{claim}</Mark>
      </Text>
    );
  return (
    <Text size="sm" style={{ fontFamily: 'Georgia, serif', lineHeight: 1.6, whiteSpace: 'pre-wrap' }}>
      {paragraph.slice(0, at)}
      <Mark color="yellow.2" fw={600}>
        {claim}
      </Mark>
      {paragraph.slice(at + claim.length)}
    </Text>
  );
}
