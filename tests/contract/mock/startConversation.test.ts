// The standard contract of startConversation against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('startConversation');
