using GridBot.Host.Channels.WeCom.Crypto;

namespace GridBot.Fuzz.Targets;

/// <summary>
/// The fixed WeCom configuration the crypto targets use: the token, EncodingAESKey and CorpID of Tencent's
/// Python sample (tests/GridBot.Host.Tests/WeCom/Data/vectors.json), so the seeds taken from it (fuzz/corpus/wecom-*) decrypt, and mutations of it reach the AES and unpacking code.
/// </summary>
internal static class FuzzKeys
{
    public const string Timestamp = "1476416373";
    public const string Nonce = "47744683";

    public static readonly WeComCrypto App = new("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee");

    // 智能机器人 callbacks carry receiveid "", which skips the receiveid comparison: a second unpacking path.
    public static readonly WeComCrypto AiBot = new("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "");
}
