// Tencent's own long-connection client (@wecom/aibot-node-sdk WSClient) pointed at a WebSocket URL given by the test.
// Usage: node sdk-client.js <wsUrl> <botId> <secret>
// Prints one JSON line per thing that happened; the C# test pushes callbacks through the fake's control API and reads
// these lines. On a text message it replies with a two-frame stream (the SDK queues the second until the first is
// acked), pushes a markdown, tries a plain-text push (refused by WeCom) and uploads an image and pushes it by media_id.
'use strict';
const { WSClient } = require('@wecom/aibot-node-sdk');

const [, , wsUrl, botId, secret] = process.argv;
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const client = new WSClient({
  wsUrl, botId, secret, logger: quiet,
  heartbeatInterval: 300, maxReconnectAttempts: 0, maxAuthFailureAttempts: 0,
});
const codeOf = (e) => (e && typeof e.errcode === 'number' ? e.errcode : -1);

client.on('authenticated', () => out({ event: 'authenticated' }));
client.on('error', (e) => out({ event: 'error', message: String(e && e.message) }));
client.on('event.disconnected_event', () => {
  out({ event: 'disconnected_event' });
  setTimeout(() => process.exit(0), 100);
});
client.on('event.enter_chat', async (frame) => {
  try {
    const ack = await client.replyWelcome(frame, { msgtype: 'text', text: { content: '欢迎使用网格小助手' } });
    out({ event: 'welcome', reqId: frame.headers.req_id, errcode: ack.errcode });
  } catch (e) {
    out({ event: 'welcome', reqId: frame.headers.req_id, errcode: codeOf(e) });
  }
});
client.on('message.text', async (frame) => {
  const chatid = frame.body.chatid || frame.body.from.userid;
  const streamId = 'sdk-stream-' + frame.body.msgid;
  const acks = await Promise.all([
    client.replyStream(frame, streamId, '收到', false),
    client.replyStream(frame, streamId, '收到，已登记', true),
  ]);
  out({ event: 'replied', reqId: frame.headers.req_id, msgid: frame.body.msgid, errcodes: acks.map((a) => a.errcode) });

  const pushed = await client.sendMessage(chatid, { msgtype: 'markdown', markdown: { content: '**通知**：工单已办结' } });
  out({ event: 'pushed', chatid, errcode: pushed.errcode });
  try {
    await client.sendMessage(chatid, { msgtype: 'text', text: { content: 'plain text' } });
    out({ event: 'text-push', errcode: 0 });
  } catch (e) {
    out({ event: 'text-push', errcode: codeOf(e) });
  }

  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000100' + 'e221bc330000000049454e44ae426082', 'hex');
  const media = await client.uploadMedia(png, { type: 'image', filename: 'dot.png' });
  const sent = await client.sendMediaMessage(chatid, 'image', media.media_id);
  out({ event: 'media', mediaId: media.media_id, errcode: sent.errcode });
});

client.connect();
setTimeout(() => process.exit(3), 30000);
