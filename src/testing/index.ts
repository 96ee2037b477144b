// Entry `jelou-external-support/testing`: build deliveries and events for your own webhook tests, without
// computing HMACs by hand.
export { createSignedRequest } from './create-signed-request.js';
export { sampleEvent } from './sample-event.js';

export type { SignedRequestOptions } from './create-signed-request.js';
export type { EventOverrides } from './sample-event.js';
