import { sampleEvent } from '../../../src/testing/index';
import { JELOU_EVENT_NAMES } from '../../../src/webhooks/index';
import { checkEvent } from '../../../src/spec/webhook-events';

describe('sampleEvent', () => {
  it.each(JELOU_EVENT_NAMES)('builds %s from the spec examples, and it passes the event checks', (name) => {
    const event = sampleEvent(name);
    expect(checkEvent(name, event)).toEqual([]);
  });

  it('narrows message.<type> to the example of that type', () => {
    expect(sampleEvent('message.document').value.content.filename).toBe('invoice.pdf');
    expect(sampleEvent('message.image').value.content.url).toMatch(/^https:/);
    expect(sampleEvent('message').value.type).toBe('text');
  });

  it('merges overrides deeply and returns a fresh object each call', () => {
    const event = sampleEvent('message.text', { room_id: 'R9', value: { content: { body: 'Hi' } } });
    expect(event.room_id).toBe('R9');
    expect(event.value).toEqual({ id: 'MESSAGE_ID', type: 'text', content: { body: 'Hi' } });
    event.value.content.body = 'changed';
    expect(sampleEvent('message.text').value.content.body).toBe('Hello');
  });
});
