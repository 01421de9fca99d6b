import { Center, Loader } from '@mantine/core';

/** What the main area shows while a page's code is loading. */
export function PageLoader() {
  return (
    <Center h={200}>
      <Loader aria-label="Loading the page" />
    </Center>
  );
}
