import { createHmac } from 'node:crypto';
import { ENTRIES, SECRET, docsSign } from '../../support/webhooks';
import { sampleEvent } from '../../../src/testing/index';
import { WebhookVerificationError, type WebhookHandlerError } from '../../../src/webhooks/index';

describe.each(ENTRIES)('createJelouWebhooks (%s entry)', (_runtime, { createJelouWebhooks }) => {
  const delivery = (payload: unknown) => {
    const { body, signature } = docsSign(payload);
    return { body, headers: { 'x-jelou-signature': signature, 'content-type': 'application/json' } };
  };

  it('routes message.<type> to its handlers, then message, then onAny, each once, with the name and how it arrived', async () => {
    const calls: string[] = [];
    const hooks = createJelouWebhooks({ secret: SECRET })
      .on('message.image', (event, meta) => {
        calls.push(`image ${event.value.content.url} ${meta.name} ${meta.nameField}`);
      })
      .on('message', (event) => {
        calls.push(`message ${event.value.type}`);
      })
      .on('message.text', () => {
        calls.push('text');
      })
      .onAny((_event, meta) => {
        calls.push(`any ${meta.name} ${meta.verification?.form}`);
      });
    await expect(hooks.verifyAndReceive(delivery(sampleEvent('message.image')))).resolves.toEqual({
      status: 'handled',
      name: 'message.image',
    });
    expect(calls.sort()).toEqual(
      [
        'image https://storage.example.com/media/image.jpg message.image event_type',
        'message image',
        'any message.image raw',
      ].sort(),
    );
  });

  it('takes one handler for several names', async () => {
    const seen: string[] = [];
    const hooks = createJelouWebhooks({ secret: SECRET }).on(
      ['conversation.start', 'conversation.close'],
      (_e, meta) => {
        seen.push(meta.name);
      },
    );
    await hooks.receive(sampleEvent('conversation.start'));
    await hooks.receive(sampleEvent('conversation.close'));
    expect(seen).toEqual(['conversation.start', 'conversation.close']);
  });

  it('normalizes event vs event_type and records which one arrived', async () => {
    const fields: string[] = [];
    const hooks = createJelouWebhooks({ secret: SECRET }).onAny((_e, meta) => {
      fields.push(`${meta.name}:${meta.nameField}`);
    });
    const close: Record<string, unknown> = { ...sampleEvent('conversation.close') };
    delete close['event'];
    await hooks.receive({ ...close, event_type: 'conversation.close' });
    await hooks.receive(sampleEvent('conversation.close'));
    expect(fields).toEqual(['conversation.close:event_type', 'conversation.close:event']);
  });

  it('sends bodies that fail the event schemas, or name no known event, to onUnknown and acknowledges them', async () => {
    const unknown: unknown[] = [];
    const handled = jest.fn();
    const hooks = createJelouWebhooks({ secret: SECRET })
      .on('message', handled)
      .onAny(handled)
      .onUnknown((body, info) => {
        unknown.push([body, info]);
      });
    const noBody = sampleEvent('message.text');
    delete (noBody.value.content as { body?: string }).body;
    const bodies = [
      noBody,
      { ...sampleEvent('message.text'), value: { id: 'm', type: 'sticker', content: {} } },
      { event_type: 'conversation.transfer', timestamp: 1 },
      { hello: 'world' },
    ];
    for (const body of bodies)
      await expect(hooks.verifyAndReceive(delivery(body))).resolves.toMatchObject({ status: 'unknown' });
    expect(handled).not.toHaveBeenCalled();
    expect(unknown).toEqual([
      [bodies[0], { name: 'message.text', issues: ['value.content.body: expected string'] }],
      [bodies[1], { name: 'message.sticker', issues: ['message.sticker: not an event the spec defines'] }],
      [bodies[2], { name: 'conversation.transfer', issues: ['conversation.transfer: not an event the spec defines'] }],
      [bodies[3], { name: undefined, issues: ['no `event_type` or `event` field'] }],
    ]);
  });

  it('lets unknown extra fields and missing optional ones through', async () => {
    const handler = jest.fn();
    const hooks = createJelouWebhooks({ secret: SECRET }).on('conversation.close', handler);
    const event = {
      event: 'conversation.close',
      timestamp: 1,
      project_id: 'P',
      reason: 'closed_by_operator',
      extra: { a: 1 },
    };
    await expect(hooks.receive(event)).resolves.toEqual({ status: 'handled', name: 'conversation.close' });
    expect(handler).toHaveBeenCalledWith(event, { name: 'conversation.close', nameField: 'event' });
  });

  it('runs the handlers of one event concurrently and reports their failures together, with the event', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reported: unknown[] = [];
    const hooks = createJelouWebhooks({ secret: SECRET })
      .on('message.text', async () => {
        order.push('a start');
        await gate;
        throw new Error('a failed');
      })
      .on('message.text', async () => {
        order.push('b start');
        release();
        throw new Error('b failed');
      })
      .on('message.text', async () => {
        order.push('c ok');
      })
      .onError((error) => {
        reported.push(error);
      });
    const event = sampleEvent('message.text');
    const error = (await hooks.receive(event).catch((e: unknown) => e)) as WebhookHandlerError;
    expect(order.slice(0, 2)).toEqual(['a start', 'b start']);
    expect(error).toBeInstanceOf(AggregateError);
    expect(error.errors.map((e: Error) => e.message)).toEqual(['a failed', 'b failed']);
    expect(error.event).toBe(event);
    expect(error.eventName).toBe('message.text');
    expect(reported).toEqual([error]);
  });

  it('rejects a bad delivery with WebhookVerificationError, tells onError, and runs nothing', async () => {
    const handler = jest.fn();
    const reported: unknown[] = [];
    const hooks = createJelouWebhooks({ secret: SECRET })
      .onAny(handler)
      .onError((e) => {
        reported.push(e);
        throw new Error('onError failures are ignored');
      });
    const good = delivery(sampleEvent('message.text'));
    const bad = { ...good, headers: { 'x-jelou-signature': `sha256=${'1'.repeat(64)}` } };
    const error = await hooks.verifyAndReceive(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason: 'mismatch' });
    expect(reported).toEqual([error]);
    const signed = (body: string) => ({
      body,
      headers: { 'x-jelou-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}` },
    });
    for (const body of ['not json', '"a string"', '[1]', 'null']) {
      await expect(hooks.verifyAndReceive(signed(body))).rejects.toMatchObject({ reason: 'invalid_json' });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('checks the auth header on every delivery when auth is given', async () => {
    const hooks = createJelouWebhooks({ secret: SECRET, auth: { type: 'api_key', key: 'k' } });
    const d = delivery(sampleEvent('message.text'));
    await expect(hooks.verifyAndReceive(d)).rejects.toMatchObject({ reason: 'missing_auth' });
    await expect(hooks.verifyAndReceive({ ...d, headers: { ...d.headers, 'x-api-key': 'k' } })).resolves.toMatchObject({
      status: 'handled',
    });
  });

  it('reports a failing dedupe store to onError and runs no handler', async () => {
    const handler = jest.fn();
    const reported: unknown[] = [];
    const down = new Error('store unreachable');
    const store = { claim: () => Promise.reject(down), complete: jest.fn(), release: jest.fn() };
    const hooks = createJelouWebhooks({ secret: SECRET, dedupe: { store } })
      .onAny(handler)
      .onError((e) => {
        reported.push(e);
      });
    await expect(hooks.receive(sampleEvent('message.text'))).rejects.toBe(down);
    expect(reported).toEqual([down]);
    expect(handler).not.toHaveBeenCalled();
  });

  it('throws at creation when no secret is usable', () => {
    expect(() => createJelouWebhooks({ secret: [undefined, ''] })).toThrow(TypeError);
  });

  it.each([
    ['an undocumented auth type', { type: 'Bearer', token: 'tok-1' }, 'auth.type'],
    ['a bearer auth without its token', { type: 'bearer', token: '' }, 'auth.token'],
    ['an api_key auth without its key', { type: 'api_key' }, 'auth.key'],
    ['a basic auth without its password', { type: 'basic', username: 'u' }, 'auth.password'],
    ['a basic auth with empty credentials', { type: 'basic', credentials: '' }, 'auth.credentials'],
  ])('throws at creation, naming the field and never the value, for %s', (_name, auth, field) => {
    let thrown: unknown;
    try {
      createJelouWebhooks({ secret: SECRET, auth: auth as never });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).toMatchObject({ field });
    expect(String(thrown)).not.toContain('tok-1');
  });

  it('accepts every documented auth option at creation', () => {
    for (const auth of [
      { type: 'none' },
      { type: 'bearer', token: 't' },
      { type: 'api_key', key: 'k', header: 'x-key' },
      { type: 'basic', username: 'u', password: 'p' },
      { type: 'basic', credentials: 'u:p' },
    ] as const) {
      expect(() => createJelouWebhooks({ secret: SECRET, auth })).not.toThrow();
    }
  });
});
