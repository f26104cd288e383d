import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import { MantineProvider, Title, Text, Container } from '@mantine/core';

/** The application shell; the pages arrive with the console issue. */
export function App() {
  return (
    <MantineProvider defaultColorScheme="auto">
      <Container component="main" py="xl">
        <Title order={1}>Backup Console</Title>
        <Text>Rackspace Cloud Backup v1.0 and v2, Veeam Backup for Microsoft 365.</Text>
      </Container>
    </MantineProvider>
  );
}
