// The standard contract of regenerateSigningSecret against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('regenerateSigningSecret');
