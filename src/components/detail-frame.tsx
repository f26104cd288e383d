import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Breadcrumbs.css';
import { Anchor, Box, Breadcrumbs, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/api-error';
import { isNotFound } from './error-info';
import { PageHeader } from './page-header';
import { ErrorState, LoadingState, NotFoundState, RefreshFailedState } from './states';

/** The list a detail page belongs to: where its breadcrumbs lead back to. */
export interface ListLink {
  to: string;
  label: string;
}

/** "Jobs › Contoso Exchange daily": the list, then this page. */
export function Crumbs({ list, current }: { list: ListLink; current: string }) {
  return (
    // Mantine keeps each crumb on one line: a long name would widen the page on a phone.
    <Breadcrumbs styles={{ breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', lineHeight: 1.4 } }}>
      <Anchor component={Link} to={list.to} size="sm">
        {list.label}
      </Anchor>
      <Text size="sm">{current}</Text>
    </Breadcrumbs>
  );
}

/** A detail page whose item (or whose connection) does not exist: said once, with the way back. */
export function DetailNotFound({
  what,
  list,
  current = 'Not found',
  reason,
}: {
  /** "Job": the alert says "Job not found". */
  what: string;
  list: ListLink;
  current?: string;
  /** Why, when it is known (an unknown connection). */
  reason?: string;
}) {
  return (
    <>
      <PageHeader
        title="Not found"
        documentTitle={`${what} not found`}
        breadcrumbs={<Crumbs list={list} current={current} />}
      />
      <NotFoundState what={what}>
        {reason && <Text size="sm">{reason}</Text>}
        <Anchor component={Link} to={list.to} size="sm">
          Back to {list.label}
        </Anchor>
      </NotFoundState>
    </>
  );
}

/** What a detail page shows once its item is known. */
export interface DetailView {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  body: ReactNode;
}

type DetailQuery<T> = Pick<
  UseQueryResult<T, ApiError>,
  'data' | 'error' | 'isPending' | 'isError' | 'refetch' | 'dataUpdatedAt'
>;

/**
 * The frame of every detail page (a configuration, a job, a restore, a restore session): breadcrumbs
 * back to its list on every branch, then loading; not found (a 404) with the way back; an error with a
 * retry when nothing was loaded; or the page — with a word that its refresh failed, over the data it
 * had, when a later poll fails.
 */
export function DetailFrame<T>({
  query,
  what,
  list,
  id,
  children,
}: {
  query: DetailQuery<T>;
  /** "Job", "Restore session": the page's kind of item, capitalised. */
  what: string;
  list: ListLink;
  /** The item's id, shown in the breadcrumbs until its name is known. */
  id: string;
  children: (data: T) => DetailView;
}) {
  const lower = what.toLowerCase();
  if (query.isPending)
    return (
      <>
        <Crumbs list={list} current={id} />
        <LoadingState label={`Loading the ${lower}`} />
      </>
    );
  if (query.data === undefined) {
    if (isNotFound(query.error)) return <DetailNotFound what={what} list={list} current={id} />;
    return (
      <>
        <PageHeader title={what} breadcrumbs={<Crumbs list={list} current={id} />} />
        <ErrorState error={query.error} what={what} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const view = children(query.data);
  return (
    <>
      <PageHeader
        title={view.title}
        description={view.description}
        actions={view.actions}
        breadcrumbs={<Crumbs list={list} current={view.title} />}
      />
      {query.isError && (
        <Box mb="md">
          <RefreshFailedState
            title={`Could not refresh the ${lower}`}
            error={query.error}
            dataAt={query.dataUpdatedAt}
            onRetry={() => void query.refetch()}
          />
        </Box>
      )}
      {view.body}
    </>
  );
}
