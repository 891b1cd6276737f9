using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GridBot.Host.Channels.WeCom.Crypto;
using Xunit;

namespace GridBot.Host.Tests.WeCom;

/// <summary>
/// Round trips in both directions with Tencent's own npm package @wecom/crypto, via
/// tests/wecom-harness/harness.js (one node process per test). These fail, not skip, when the
/// harness is not installed: run `npm ci` in tests/wecom-harness.
/// </summary>
public sealed class WeComTencentRoundTripTests
{
    private const string Token = "GridBotToken";
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Corp = "ww1436e0e65a779aee";
    private const string Timestamp = "1735689600";
    private const string Nonce = "4815162342";

    private static readonly string[] Messages =
    [
        "hello",
        "",
        "请网格长尽快到现场处理",
        "<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[ZhangSan]]></FromUserName>"
            + "<CreateTime>1735689600</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[3号楼电梯坏了，请尽快维修 👍]]></Content>"
            + "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>",
        "{\"msgid\":\"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\","
            + "\"from\":{\"userid\":\"USERID\"},\"msgtype\":\"text\",\"text\":{\"content\":\"@网格助手 3号楼电梯坏了 🚧\"}}",
        string.Concat(Enumerable.Repeat("网格长请处理：3号楼电梯坏了，居民反映已停运两天。Elevator down 🛗\n", 3000)),
    ];

    [Fact]
    public void CSharpXmlReplyWithCorpIdIsOpenedByTencentLibrary()
    {
        var crypto = new WeComCrypto(Token, Key, Corp);
        var bodies = Messages.Select(m => WeComXmlEnvelope.BuildReply(crypto.Seal(m, Timestamp, WeComCrypto.CreateNonce()))).ToList();

        var responses = WeComTencentHarness.Run(bodies.Select(b => Request("decrypt", ("key", Key), ("body", b))).ToList());

        for (var i = 0; i < Messages.Length; i++)
        {
            Assert.Equal("xml", responses[i].Text("envelope"));
            Assert.True(responses[i]["signature_ok"]!.GetValue<bool>(), $"Tencent rejected our signature on message {i}");
            Assert.Equal(Messages[i], responses[i].Text("message"));
            Assert.Equal(Corp, responses[i].Text("receiveid"));
            Assert.Equal(Timestamp, responses[i].Text("timestamp"));
        }
    }

    [Fact]
    public void CSharpJsonReplyWithEmptyReceiveIdIsOpenedByTencentLibrary()
    {
        var crypto = new WeComCrypto(Token, Key, "");
        var bodies = Messages.Select(m => WeComJsonEnvelope.BuildReply(crypto.Seal(m, Timestamp, Nonce))).ToList();

        var responses = WeComTencentHarness.Run(bodies.Select(b => Request("decrypt", ("key", Key), ("body", b))).ToList());

        for (var i = 0; i < Messages.Length; i++)
        {
            // The key order and the "msgsignature" spelling are what WeCom's samples produce.
            Assert.Equal("json:encrypt,msgsignature,timestamp,nonce", responses[i].Text("envelope"));
            Assert.True(responses[i]["signature_ok"]!.GetValue<bool>(), $"Tencent rejected our signature on message {i}");
            Assert.Equal(Messages[i], responses[i].Text("message"));
            Assert.Equal("", responses[i].Text("receiveid"));
        }
    }

    [Fact]
    public void TencentXmlCallbackWithCorpIdIsDecryptedByCSharp()
    {
        var crypto = new WeComCrypto(Token, Key, Corp);

        var responses = WeComTencentHarness.Run(Messages.Select(m => Request("encrypt", ("key", Key), ("receiveid", Corp), ("plain", m))).ToList());

        for (var i = 0; i < Messages.Length; i++)
        {
            var result = crypto.DecryptXmlBody(responses[i].Text("msg_signature"), Timestamp, Nonce, responses[i].Text("xml_body"));
            Assert.Equal(WeComCryptoError.None, result.Error);
            Assert.Equal(Messages[i], result.Value);
        }
    }

    [Fact]
    public void TencentJsonCallbackWithEmptyReceiveIdIsDecryptedByCSharp()
    {
        var crypto = new WeComCrypto(Token, Key, "");

        var responses = WeComTencentHarness.Run(Messages.Select(m => Request("encrypt", ("key", Key), ("receiveid", ""), ("plain", m))).ToList());

        for (var i = 0; i < Messages.Length; i++)
        {
            var result = crypto.DecryptJsonBody(responses[i].Text("msg_signature"), Timestamp, Nonce, responses[i].Text("json_body"));
            Assert.Equal(WeComCryptoError.None, result.Error);
            Assert.Equal(Messages[i], result.Value);
        }
    }

    [Fact]
    public void TencentEncryptedEchostrPassesUrlVerificationForAppAndBot()
    {
        var app = new WeComCrypto(Token, Key, Corp);
        var bot = new WeComCrypto(Token, Key, "");

        var responses = WeComTencentHarness.Run(
        [
            Request("encrypt", ("key", Key), ("receiveid", Corp), ("plain", "1288432023552776189")),
            Request("encrypt", ("key", Key), ("receiveid", ""), ("plain", "7120539981436829184")),
        ]);

        Assert.Equal("1288432023552776189", app.VerifyUrl(responses[0].Text("msg_signature"), Timestamp, Nonce, responses[0].Text("encrypt")).Value);
        Assert.Equal("7120539981436829184", bot.VerifyUrl(responses[1].Text("msg_signature"), Timestamp, Nonce, responses[1].Text("encrypt")).Value);
    }

    [Fact]
    public void EncryptMatchesTencentLibraryByteForByteForEveryPadLength()
    {
        var cases = new List<(WeComCrypto Crypto, string Plain, byte[] Random)>();
        foreach (var receiveId in new[] { Corp, "" })
        {
            var crypto = new WeComCrypto(Token, Key, receiveId);
            for (var length = 0; length < 40; length++)
            {
                // ASCII shifts the pad by 1 per step, CJK by 3: together they hit every pad value 1..32.
                cases.Add((crypto, new string('a', length), RandomNumberGenerator.GetBytes(16)));
                cases.Add((crypto, string.Concat(Enumerable.Repeat("网", length)), RandomNumberGenerator.GetBytes(16)));
            }
        }

        var responses = WeComTencentHarness.Run(cases.Select(c => Request(
            "encrypt", ("key", Key), ("receiveid", c.Crypto.ReceiveId), ("plain", c.Plain), ("random_hex", Convert.ToHexStringLower(c.Random)))).ToList());

        for (var i = 0; i < cases.Count; i++)
        {
            var sealedMessage = cases[i].Crypto.Seal(cases[i].Plain, Timestamp, Nonce, cases[i].Random);
            Assert.Equal(responses[i].Text("encrypt"), sealedMessage.Encrypt);
            Assert.Equal(responses[i].Text("msg_signature"), sealedMessage.MsgSignature);
        }
    }

    [Fact]
    public void SignatureMatchesTencentLibraryForMixedCaseAndPunctuation()
    {
        string[][] parts =
        [
            ["Zeta_Token", "1735689604", "abcXYZ", "lSVlsdpf+/=="],
            ["token", "_", "Z", "a"],
            ["ABC", "abc", "aBC", "Abc"],
            ["t-1", "t_1", "t.1", "t1"],
            ["", "", "", ""],
        ];

        var responses = WeComTencentHarness.Run(parts.Select(p => Request(
            "sign", ("token", p[0]), ("timestamp", p[1]), ("nonce", p[2]), ("encrypt", p[3]))).ToList());

        for (var i = 0; i < parts.Length; i++)
        {
            // The empty token cannot be configured, so check that row with the raw algorithm instead.
            var expected = parts[i][0].Length == 0
                ? Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("")))
                : new WeComCrypto(parts[i][0], Key, Corp).Sign(parts[i][1], parts[i][2], parts[i][3]);
            Assert.Equal(responses[i].Text("msg_signature"), expected);
        }
    }

    private static JsonObject Request(string op, params (string Name, string Value)[] fields)
    {
        var request = new JsonObject
        {
            ["op"] = op,
            ["token"] = Token,
            ["timestamp"] = Timestamp,
            ["nonce"] = Nonce,
        };
        foreach (var (name, value) in fields)
        {
            request[name] = value;
        }

        return request;
    }
}
