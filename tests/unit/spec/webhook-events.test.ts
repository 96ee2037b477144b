import { checkEvent } from '../../../src/spec/webhook-events';
import { sampleEvent } from '../../../src/testing/index';

describe('checkEvent', () => {
  it('names each required field of the wrong type, objects being neither null nor arrays', () => {
    const event = { ...sampleEvent('message.text'), timestamp: '1776134278574', contact: null, bot: [] };
    expect(checkEvent('message.text', event)).toEqual([
      'timestamp: expected number',
      'contact: expected object',
      'contact.id: expected string',
      'bot: expected object',
      'bot.id: expected string',
    ]);
  });

  it('lets extra fields and missing optional ones through', () => {
    const event = sampleEvent('message.video', { extra: { a: 1 } } as never);
    expect(event.value.content.caption).toBe('A short clip');
    delete event.value.content.caption;
    expect(checkEvent('message.video', event)).toEqual([]);
  });

  it('treats names of Object.prototype members as unknown events, without throwing', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
      expect(checkEvent(name, {})).toEqual([`${name}: not an event the spec defines`]);
  });
});
