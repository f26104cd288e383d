import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** Loaded after the first page: notifications only matter once a person acts. */
export function NotificationsHost() {
  return <Notifications position="top-right" limit={4} />;
}
