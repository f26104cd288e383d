import { contractSuite } from '../contract.test-suite';
import { restoreContract } from '../restore-contract.test-suite';

contractSuite('rackspace-dfw');
restoreContract('rackspace-dfw');
