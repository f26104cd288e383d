import { contractSuite } from '../contract.test-suite';

contractSuite('veeam');
