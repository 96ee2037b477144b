// The standard contract of createIntegration against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('createIntegration');
