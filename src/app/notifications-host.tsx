import '@mantine/notifications/styles.css';
import '@mantine/core/styles/Notification.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Loader.css';
import './notifications-host.css';
import { Notifications, notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { setMutationErrorHandler } from '../api/query-client';
import { failedActionTitle } from './shell/fallback-notices';

/**
 * Loaded after the first page: notifications only matter once a person acts. It is also the one
 * place where a failed command is reported, with the service's own message (403s included).
 */
export function NotificationsHost() {
  useEffect(
    () =>
      setMutationErrorHandler((error) => {
        notifications.show({
          color: 'red',
          title: failedActionTitle(error),
          message: error.message,
          autoClose: 8000,
        });
      }),
    [],
  );
  // Bottom right: a notice never covers the header (sign-out, the colour switch, the live indicator).
  return <Notifications position="bottom-right" limit={4} />;
}
