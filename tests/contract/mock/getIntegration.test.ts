// GET /v1/external-support/{projectId}: the standard contract against the Prism mock.
import { describeOperationContract } from '../support/operation-contract';

describeOperationContract('getIntegration');
