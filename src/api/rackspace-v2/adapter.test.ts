import { contractSuite } from '../contract.test-suite';

contractSuite('rackspace-ord');
