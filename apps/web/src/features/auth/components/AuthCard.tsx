import { Center, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} radius="md">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Text c="dimmed" size="sm" mt={4} mb="lg">
          {subtitle}
        </Text>
        {children}
      </Paper>
    </Center>
  );
}
