// The standard contract of sendMessage against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('sendMessage');
