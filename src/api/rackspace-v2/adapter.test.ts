import { contractSuite } from '../contract.test-suite';
import { restoreContract } from '../restore-contract.test-suite';

contractSuite('rackspace-ord');
restoreContract('rackspace-ord');
