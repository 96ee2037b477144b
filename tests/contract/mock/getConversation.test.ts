// The standard contract of getConversation against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('getConversation');
