import { useParams } from 'react-router';
import { ConfigurationPage } from '../../features/configurations/components/configuration-page';

/** /configurations/:connectionId/:id */
export function Component() {
  const { connectionId = '', id = '' } = useParams();
  // A new key per configuration: nothing of the previous one's page state carries over.
  return <ConfigurationPage key={`${connectionId}/${id}`} connectionId={connectionId} id={id} />;
}
