// An external link that only links http(s) addresses; any other scheme is shown as plain text.
import { Anchor, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { safeHttpUrl } from './format';

export function SafeLink({ url, children, size = 'sm' }: { url: string | null | undefined; children?: ReactNode; size?: 'xs' | 'sm' | 'md' }) {
  const href = safeHttpUrl(url);
  if (!href) {
    return (
      <Text span size={size} c="dimmed" data-unsafe-url="true" style={{ wordBreak: 'break-all' }}>
        {children ?? url ?? ''}
        {url && children ? ` (${url})` : ''}
      </Text>
    );
  }
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size={size} style={{ wordBreak: 'break-word' }}>
      {children ?? url}
    </Anchor>
  );
}
