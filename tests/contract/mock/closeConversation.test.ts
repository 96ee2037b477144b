// The standard contract of closeConversation against the Prism mock, through the real client.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('closeConversation');
