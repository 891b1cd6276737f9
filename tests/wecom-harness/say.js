#!/usr/bin/env node
/*
 * Demo without a tenant: plays WeCom's 智能机器人 against a running GridBot, with Tencent's own @wecom/crypto.
 *   node say.js --url http://127.0.0.1:5080/api/wecom/aibot --token T --key K43 --chat wrkDemoGroup --user zhangsan "3号楼电梯坏了"
 *   (--single for a private chat; --response-url to let a slow answer reach the fake server's /cgi-bin/aibot/response)
 * Sends the encrypted callback, then opens GridBot's encrypted passive reply and prints it.
 */
'use strict';
const crypto = require('crypto');
const wecom = require('@wecom/crypto');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
// The text is the last argument, after every --option and its value.
const last = args[args.length - 1];
const before = args[args.length - 2];
const text = last && !last.startsWith('--') && !(before && before.startsWith('--') && before !== '--single') ? last : undefined;
const [url, token, key] = [opt('url'), opt('token'), opt('key')];
if (!url || !token || !key || !text) {
  console.error('usage: node say.js --url URL --token T --key K43 [--chat CHATID | --single] [--user USERID] [--response-url URL] "text"');
  process.exit(2);
}

const single = args.includes('--single');
const message = {
  msgid: crypto.randomUUID(), aibotid: 'aib-demo', chattype: single ? 'single' : 'group',
  from: { userid: opt('user', 'demo-user') }, msgtype: 'text',
  response_url: opt('response-url', 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=demo'),
  text: { content: single ? text : `@网格小助手 ${text}` },
};
if (!single) message.chatid = opt('chat', 'wrkDemoGroup');

(async () => {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(crypto.randomInt(1e9, 9e9));
  const encrypt = wecom.encrypt(key, JSON.stringify(message), '');
  const signature = wecom.getSignature(token, timestamp, nonce, encrypt);
  const response = await fetch(`${url}?msg_signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ encrypt }),
  });
  const body = await response.text();
  if (response.status !== 200 || body === '') {
    console.log(`HTTP ${response.status}${body === '' ? ' (empty reply)' : ''}`);
    return;
  }
  const reply = JSON.parse(body);
  const ok = wecom.getSignature(token, reply.timestamp, reply.nonce, reply.encrypt) === reply.msgsignature;
  console.log(`signature ${ok ? 'ok' : 'WRONG'}:`, JSON.stringify(JSON.parse(wecom.decrypt(key, reply.encrypt).message), null, 2));
})().catch((e) => { console.error(e.message); process.exit(1); });
