import { Text } from '@mantine/core';
import { useLocation } from 'react-router';
import { PageHeader } from '../../components/page-header';

/**
 * Stands in for a page whose route file is still being written (Jobs, Restores, Restore sessions are
 * built in parallel); each router entry pointing here is replaced by its own route file.
 */
export function Component() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Not built yet" />
      <Text>The page at {pathname} is not available in this build.</Text>
    </>
  );
}
