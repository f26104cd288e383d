import '@mantine/core/styles/Button.css';
import { Button } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { NotFoundState } from '../../components/states';
import { PageHeader } from '../../components/page-header';

export function Component() {
  const { pathname } = useLocation();
  return (
    <>
      <PageHeader title="Page not found" description={`Nothing lives at ${pathname}.`} />
      <NotFoundState what="Page">
        <Button component={Link} to="/" size="xs" variant="light">
          Go to the overview
        </Button>
      </NotFoundState>
    </>
  );
}
