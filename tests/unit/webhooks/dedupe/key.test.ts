import { defaultDedupeKey } from '../../../../src/webhooks/index';
import { sampleEvent } from '../../../../src/testing/index';

describe('defaultDedupeKey', () => {
  it('keys message events by project and message id, whatever the content type', () => {
    expect(defaultDedupeKey(sampleEvent('message.image', { value: { id: 'M1' } }), 'message.image')).toBe(
      'message:PROJECT_ID:M1',
    );
  });

  it('gives conversation events the provisional name:project:room:timestamp key', () => {
    expect(defaultDedupeKey(sampleEvent('conversation.close'), 'conversation.close')).toBe(
      'conversation.close:PROJECT_ID:ROOM_ID:1776135000000',
    );
    expect(defaultDedupeKey({ project_id: 'P', conversation: { id: 'C' }, timestamp: 5 }, 'conversation.start')).toBe(
      'conversation.start:P:C:5',
    );
  });

  it('gives no key (no dedupe) when the id fields are missing', () => {
    expect(defaultDedupeKey({ project_id: 'P', value: {} }, 'message.text')).toBeUndefined();
    expect(defaultDedupeKey({ project_id: 'P' }, 'conversation.start')).toBeUndefined();
  });
});
