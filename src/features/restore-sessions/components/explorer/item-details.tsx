import '@mantine/core/styles/Drawer.css';
import { Badge, Drawer, Group, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fact } from '../../../../components/fact';
import { ErrorState, LoadingState } from '../../../../components/states';
import { NONE, formatBytes, formatDateTime } from '../../../../lib/format';
import { contentQueries } from '../../queries';
import { itemLinkIn, itemListIn, useReturnFocus } from './return-focus';

/** One item's facts, opened from the list or a link (`?folder=…&item=…`). */
export function ItemDetails({
  connectionId,
  sessionId,
  nodeId,
  itemId,
  onClose,
}: {
  connectionId: string;
  sessionId: string;
  nodeId: string;
  itemId: string;
  onClose: () => void;
}) {
  const item = useQuery(contentQueries.item(connectionId, sessionId, nodeId, itemId));
  // Closing unmounts the drawer (the URL loses `item`): focus goes back to the item's link in the
  // list, else to the list (a deep link opened it, or the row is no longer rendered).
  useReturnFocus(() => itemLinkIn(document, itemId) ?? itemListIn(document));
  const i = item.data;
  return (
    <Drawer
      opened
      returnFocus={false}
      onClose={onClose}
      position="right"
      size="md"
      title={i ? i.title : 'Item'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {item.isPending ? (
        <LoadingState label="Loading the item" rows={3} />
      ) : item.isError ? (
        <ErrorState error={item.error} what="Item" />
      ) : (
        <>
          <Group gap="xs" mb="sm">
            {i!.deleted && (
              <Badge color="red" variant="light">
                Deleted
              </Badge>
            )}
            {i!.earlierVersion && (
              <Badge color="gray" variant="light">
                Earlier version
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={1} component="dl" m={0} spacing="xs" data-testid="item-details">
            {i!.from && <Fact label="From">{i!.from}</Fact>}
            {i!.to && <Fact label="To">{i!.to}</Fact>}
            <Fact label="Date">{i!.at ? formatDateTime(i!.at) : NONE}</Fact>
            {i!.sizeBytes !== null && <Fact label="Size">{formatBytes(i!.sizeBytes)}</Fact>}
            {i!.version && <Fact label="Version">{i!.version}</Fact>}
            {Object.entries(i!.fields).map(([label, value]) => (
              <Fact key={label} label={label}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {/^\d{4}-\d\d-\d\dT/.test(value) ? formatDateTime(value) : value}
                </Text>
              </Fact>
            ))}
          </SimpleGrid>
        </>
      )}
    </Drawer>
  );
}
