import { ConfigurationsPage } from '../../features/configurations/components/configurations-page';

export function Component() {
  return <ConfigurationsPage />;
}
