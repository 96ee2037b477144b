// Type-level tests of the webhooks and testing entries: checked by `npm run typecheck`, never run.
import { createJelouWebhooks, type JelouEventName, type MessageEvent } from '../../src/webhooks/index';
import { sampleEvent } from '../../src/testing/index';

const hooks = createJelouWebhooks({ secret: ['current', undefined], auth: { type: 'bearer', token: 't' } });

// Narrowing on the event name gives the right `value.content`, without a cast.
hooks.on('message.image', (event) => {
  const url: string = event.value.content.url;
  const caption: string | undefined = event.value.content.caption;
  // @ts-expect-error an image has no body
  void event.value.content.body;
  return [url, caption];
});
hooks.on('message.text', (event, meta) => {
  const body: string = event.value.content.body;
  const name: 'message.text' = meta.name;
  return [body, name, event.room_id];
});
hooks.on('message.document', (event) => event.value.content.filename?.toUpperCase());
hooks.on('message', (event: MessageEvent) => {
  if (event.value.type === 'audio') {
    const mime: string = event.value.content.mime_type;
    return mime;
  }
  return undefined;
});
hooks.on(['conversation.start', 'conversation.close'], (event, meta) => {
  const timestamp: number = event.timestamp;
  const name: 'conversation.start' | 'conversation.close' = meta.name;
  return [timestamp, name, event['anything']];
});
// @ts-expect-error not an event name
hooks.on('message.sticker', () => undefined);
// @ts-expect-error an auth type the integration cannot have
createJelouWebhooks({ secret: 's', auth: { type: 'bearer' } });

const names: JelouEventName[] = ['message', 'message.video', 'conversation.close'];
const image = sampleEvent('message.image', { value: { content: { caption: 'hi' } } });
const url: string = image.value.content.url;
// @ts-expect-error overrides are typed like the event
sampleEvent('message.text', { value: { content: { body: 1 } } });
export { names, url };
