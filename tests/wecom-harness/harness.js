#!/usr/bin/env node
/*
 * GridBot test harness: Tencent's official @wecom/crypto, driven by the C# tests.
 *
 * Protocol (batch, so one node process serves a whole test):
 *   stdin  = one JSON request per line
 *   stdout = one JSON response per line, in the same order: {"ok":true,...} or {"ok":false,"error":"..."}
 *
 * Requests:
 *   {"op":"sign","token","timestamp","nonce","encrypt"}
 *       -> {msg_signature}
 *   {"op":"encrypt","token","key","receiveid","plain","timestamp","nonce","random_hex"?,"agentid"?}
 *       -> {encrypt, msg_signature, xml_body, json_body}
 *          xml_body / json_body are the inbound callback bodies WeCom would POST.
 *   {"op":"decrypt","token","key","signature","timestamp","nonce", "encrypt" | "body"}
 *       "body" is a passive-reply envelope (XML <xml><Encrypt/>... or JSON {"encrypt",...}),
 *       read the way a WeCom-side peer would read it.
 *       -> {signature_ok, message, receiveid, random_hex, encrypt, envelope}
 *
 * All crypto is @wecom/crypto's; this file only moves strings around. Note that
 * @wecom/crypto.decrypt validates nothing, so the tests compare message and receiveid.
 */
'use strict';
const fs = require('fs');

let wecom;
try {
  wecom = require('@wecom/crypto');
} catch (e) {
  process.stderr.write('harness: @wecom/crypto is not installed; run `npm ci` in tests/wecom-harness\n');
  process.exit(3);
}

function str(req, name) {
  const v = req[name];
  if (typeof v !== 'string') throw new Error(`missing string field "${name}"`);
  return v;
}

function cdata(tag, body) {
  const m = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${tag}>`).exec(body);
  return m ? (m[1] ?? m[2]) : undefined;
}

function readEnvelope(body) {
  const t = body.trim();
  if (t.startsWith('{')) {
    const j = JSON.parse(t);
    const keys = Object.keys(j).join(',');
    return { encrypt: j.encrypt, signature: j.msgsignature, timestamp: j.timestamp, nonce: j.nonce, envelope: `json:${keys}` };
  }
  return {
    encrypt: cdata('Encrypt', t), signature: cdata('MsgSignature', t),
    timestamp: cdata('TimeStamp', t), nonce: cdata('Nonce', t), envelope: 'xml',
  };
}

const ops = {
  sign(req) {
    return { msg_signature: wecom.getSignature(str(req, 'token'), str(req, 'timestamp'), str(req, 'nonce'), str(req, 'encrypt')) };
  },

  encrypt(req) {
    const receiveid = str(req, 'receiveid');
    const random = req.random_hex ? Buffer.from(req.random_hex, 'hex') : undefined;
    const encrypt = wecom.encrypt(str(req, 'key'), str(req, 'plain'), receiveid, random);
    const sig = wecom.getSignature(str(req, 'token'), str(req, 'timestamp'), str(req, 'nonce'), encrypt);
    const agentid = req.agentid ?? '1000002';
    return {
      encrypt,
      msg_signature: sig,
      xml_body: `<xml><ToUserName><![CDATA[${receiveid}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[${agentid}]]></AgentID></xml>`,
      json_body: JSON.stringify({ encrypt }),
    };
  },

  decrypt(req) {
    let { signature, timestamp, nonce, encrypt } = req;
    let envelope = 'none';
    if (typeof req.body === 'string') {
      const e = readEnvelope(req.body);
      ({ signature, timestamp, nonce, encrypt, envelope } = e);
    }
    if (typeof encrypt !== 'string') throw new Error('no encrypt value');
    const computed = wecom.getSignature(str(req, 'token'), String(timestamp), String(nonce), encrypt);
    const out = wecom.decrypt(str(req, 'key'), encrypt);
    return {
      signature_ok: computed === signature,
      message: out.message,
      receiveid: out.id,
      random_hex: Buffer.from(out.random).toString('hex'),
      encrypt, timestamp, nonce, envelope,
    };
  },
};

const lines = fs.readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '');
const out = [];
for (const line of lines) {
  try {
    const req = JSON.parse(line);
    const op = ops[req.op];
    if (!op) throw new Error(`unknown op "${req.op}"`);
    out.push(JSON.stringify({ ok: true, ...op(req) }));
  } catch (e) {
    out.push(JSON.stringify({ ok: false, error: String(e && e.message ? e.message : e) }));
  }
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
