// The standard contract of deleteIntegration against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('deleteIntegration');
