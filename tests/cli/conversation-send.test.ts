// jelou conversation start|get|close and jelou send against the stand-in.
import { createHmac } from 'node:crypto';
import { CANARY, defined, ensureBuilt, runCli } from './support/cli';
import { PROJECT, startStandin, standinEnv } from './support/standin';

beforeAll(() => ensureBuilt(), 120_000);

describe('conversation and send commands', () => {
  test('start → get → send (signed, verified by the stand-in) → close', async () => {
    const standin = await startStandin();
    try {
      const env = standinEnv(standin);
      const started = await runCli(
        [
          'conversation',
          'start',
          PROJECT,
          '--bot',
          'B1',
          '--user',
          'U1',
          '--assign',
          'queue:SUPPORT',
          '--metadata',
          'ticket=42',
          '--json',
        ],
        { env },
      );
      expect(started.code).toBe(0);
      const conversation = defined(standin.conversations()[0], 'the conversation');
      expect(conversation).toMatchObject({
        botId: 'B1',
        userId: 'U1',
        assignment: { type: 'queue', target: 'SUPPORT' },
        metadata: { ticket: 42 },
      });

      const got = await runCli(['conversation', 'get', PROJECT, conversation.id, '--json'], { env });
      expect(got.code).toBe(0);
      expect(JSON.stringify(JSON.parse(got.stdout))).toContain(conversation.roomId);

      // Every send below goes to that conversation's room, as bot B1 to user U1.
      const sendTo = ['send', PROJECT, '--room', conversation.roomId, '--bot', 'B1', '--user', 'U1'];

      const sent = await runCli([...sendTo, '--text', 'Hello from the agent'], { env });
      expect(sent.code).toBe(0);
      const message = await standin.waitForMessage((m) => m.type === 'text');
      expect(message.content).toEqual({ body: 'Hello from the agent' });
      expect(sent.stdout.trim()).toBe(message.id);
      const expected = createHmac('sha256', CANARY.signingSecret).update(message.rawBody).digest('hex');
      expect(message.signature).toBe(`sha256=${expected}`);

      const image = await runCli(
        [
          ...sendTo,
          '--image',
          'https://cdn.example.com/a.png',
          '--caption',
          'look',
          '--mime-type',
          'image/png',
          '--json',
        ],
        { env },
      );
      expect(image.code).toBe(0);
      expect((await standin.waitForMessage((m) => m.type === 'image')).content).toMatchObject({
        url: 'https://cdn.example.com/a.png',
        caption: 'look',
      });
      const document = await runCli(
        [...sendTo, '--document', 'https://cdn.example.com/terms.pdf', '--filename', 'Terms.pdf'],
        { env },
      );
      expect(document.code).toBe(0);
      expect((await standin.waitForMessage((m) => m.type === 'document')).content).toMatchObject({
        url: 'https://cdn.example.com/terms.pdf',
        mime_type: 'application/pdf',
        filename: 'Terms.pdf',
      });

      // The signing secret alone is enough to send (no gateway credential in the environment).
      const secretOnly = await runCli([...sendTo, '--text', 'only signed', '--json'], {
        env: { JELOU_SIGNING_SECRET: CANARY.signingSecret, JELOU_MESSAGES_BASE_URL: standin.messagesUrl },
      });
      expect(secretOnly.code).toBe(0);
      const signedOnly = await standin.waitForMessage((m) => m.type === 'text' && m.content.body === 'only signed');
      expect(JSON.parse(secretOnly.stdout).id).toBe(signedOnly.id);

      const doctor = await runCli(['doctor', PROJECT, '--conversation', conversation.id, '--json'], { env });
      expect(doctor.code).toBe(0);
      expect(JSON.parse(doctor.stdout).checks).toEqual([
        expect.objectContaining({ name: 'getIntegration', ok: true }),
        expect.objectContaining({ name: 'getConversation', ok: true }),
      ]);

      const closed = await runCli(
        ['conversation', 'close', PROJECT, '--bot', 'B1', '--user', 'U1', '--close-text', 'Thanks!'],
        { env },
      );
      expect(closed.code).toBe(0);
      expect(standin.conversation(conversation.id)).toMatchObject({
        state: 'closed',
        redirectPayload: { type: 'text', text: 'Thanks!' },
      });
    } finally {
      await standin.close();
    }
  });

  test('send refuses bad input before sending: two kinds, an http media URL, a caption on audio, an unknown media type', async () => {
    const standin = await startStandin();
    try {
      const env = standinEnv(standin);
      const base = ['send', PROJECT, '--room', 'R', '--bot', 'B', '--user', 'U'];
      for (const extra of [
        ['--text', 'a', '--image', 'https://x.example.com/i.png'],
        ['--image', 'http://x.example.com/i.png'],
        ['--audio', 'https://x.example.com/a.ogg', '--caption', 'no'],
        ['--image', 'https://x.example.com/picture'],
        [],
      ]) {
        const run = await runCli([...base, ...extra], { env });
        expect({ extra, code: run.code }).toEqual({ extra, code: 2 });
      }
      expect(standin.requests).toHaveLength(0);
    } finally {
      await standin.close();
    }
  });
});

test('conversation start needs --bot and --user, and a known assignment type (exit 2, nothing sent)', async () => {
  const standin = await startStandin();
  try {
    const env = standinEnv(standin);
    for (const args of [
      ['conversation', 'start', PROJECT, '--user', 'U'],
      ['conversation', 'start', PROJECT, '--bot', 'B', '--user', 'U', '--assign', 'robot:X'],
      ['conversation', 'start', PROJECT, '--bot', 'B', '--user', 'U', '--metadata', 'novalue'],
      ['conversation', 'get', PROJECT],
    ]) {
      const run = await runCli(args, { env });
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
    }
    expect(standin.requests).toHaveLength(0);
  } finally {
    await standin.close();
  }
});
