import { Badge, Checkbox, Group } from '@mantine/core';
import type { ContentItem, ItemKind } from '../../../../api/restore-content';
import { CellLink, CellText } from '../../../../components/cells';
import type { Column } from '../../../../components/virtual-table';
import { NONE, formatBytes, formatDateTime } from '../../../../lib/format';

/** The title cell: the item's name as a link to its details, with its deleted / version marks. */
function Title({ item, hrefOf }: { item: ContentItem; hrefOf: (item: ContentItem) => string }) {
  return (
    <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
      <CellLink to={hrefOf(item)}>{item.title}</CellLink>
      {item.deleted && (
        <Badge size="xs" color="red" variant="light" style={{ flex: 'none' }}>
          Deleted
        </Badge>
      )}
      {item.earlierVersion && (
        <Badge size="xs" color="gray" variant="light" style={{ flex: 'none' }}>
          Earlier version
        </Badge>
      )}
    </Group>
  );
}

const text = (value: string | null | undefined) => (
  <CellText truncateWithTitle={value ?? ''}>{value || NONE}</CellText>
);
const when = (iso: string | null) => text(iso ? formatDateTime(iso) : null);

type Cols = Column<ContentItem>[];

/**
 * The columns that each kind of item needs, after the selection box and before nothing else. In a
 * narrow box (a phone) the secondary ones give way (`optional`): the name or subject and who it is
 * from stay, and the item's details have the rest.
 */
function columnsOf(kind: ItemKind | null, hrefOf: (item: ContentItem) => string): Cols {
  const title = (header: string, width?: string): Column<ContentItem> => ({
    key: 'title',
    header,
    width,
    cell: (i) => <Title item={i} hrefOf={hrefOf} />,
  });
  switch (kind) {
    case 'mail':
    case 'note':
      return [
        { key: 'from', header: 'From', width: '24%', cell: (i) => text(i.from) },
        title('Subject'),
        { key: 'at', header: 'Received', width: 180, optional: true, cell: (i) => when(i.at) },
      ];
    case 'appointment':
      return [
        title('Subject'),
        { key: 'from', header: 'Organizer', width: '22%', cell: (i) => text(i.from) },
        { key: 'at', header: 'Starts', width: 180, optional: true, cell: (i) => when(i.at) },
        {
          key: 'where',
          header: 'Location',
          width: '16%',
          optional: true,
          cell: (i) => text(i.fields.Location),
        },
      ];
    case 'contact':
      return [
        title('Name'),
        { key: 'from', header: 'E-mail', width: '30%', cell: (i) => text(i.from) },
        {
          key: 'company',
          header: 'Company',
          width: '24%',
          optional: true,
          cell: (i) => text(i.fields.Company),
        },
      ];
    case 'task':
      return [
        title('Subject'),
        { key: 'status', header: 'Status', width: 130, optional: true, cell: (i) => text(i.fields.Status) },
        { key: 'at', header: 'Due', width: 180, optional: true, cell: (i) => when(i.at) },
        { key: 'from', header: 'Owner', width: '20%', cell: (i) => text(i.from) },
      ];
    case 'post':
      return [
        title('Subject'),
        { key: 'from', header: 'Author', width: '22%', cell: (i) => text(i.from) },
        { key: 'at', header: 'Posted', width: 180, optional: true, cell: (i) => when(i.at) },
      ];
    case 'list-item':
      return [
        title('Title'),
        { key: 'version', header: 'Version', width: 90, optional: true, cell: (i) => text(i.version) },
        { key: 'from', header: 'Modified by', width: '20%', cell: (i) => text(i.from) },
        { key: 'at', header: 'Modified', width: 180, optional: true, cell: (i) => when(i.at) },
      ];
    default:
      return [
        title('Name'),
        {
          key: 'size',
          header: 'Size',
          width: 100,
          optional: true,
          align: 'right',
          cell: (i) => text(i.sizeBytes === null ? null : formatBytes(i.sizeBytes)),
        },
        { key: 'version', header: 'Version', width: 90, optional: true, cell: (i) => text(i.version) },
        { key: 'from', header: 'Modified by', width: '18%', cell: (i) => text(i.from) },
        { key: 'at', header: 'Modified', width: 180, optional: true, cell: (i) => when(i.at) },
      ];
  }
}

/** A selection box per row, then the kind's columns. */
export function itemColumns(
  kind: ItemKind | null,
  selection: { has: (id: string) => boolean; toggle: (item: ContentItem) => void } | null,
  hrefOf: (item: ContentItem) => string,
): Cols {
  const cols = columnsOf(kind, hrefOf);
  if (!selection) return cols;
  return [
    {
      key: 'select',
      header: 'Select',
      width: 64,
      cell: (i) => (
        <Checkbox
          aria-label={`Select ${i.title}`}
          checked={selection.has(i.id)}
          onChange={() => selection.toggle(i)}
        />
      ),
    },
    ...cols,
  ];
}
