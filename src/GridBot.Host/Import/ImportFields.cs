using System.Collections.Frozen;
using System.Globalization;

namespace GridBot.Host.Import;

/// <summary>The columns of each kind, and the English and Chinese names staff use for them, sheets and sections.</summary>
internal static class ImportFields
{
    public const string Code = "code";
    public const string Name = "name";
    public const string Level = "level";
    public const string Parent = "parent";
    public const string Channel = "channel";
    public const string ChatId = "chatId";
    public const string Grid = "grid";
    public const string UserId = "userId";
    public const string Phone = "phone";
    public const string IdNumber = "idNumber";
    public const string Role = "role";
    public const string WebhookKey = "webhookKey";
    public const string Question = "question";
    public const string Answer = "answer";
    public const string Keywords = "keywords";

    private static readonly ImportFieldSpec[] GridFields =
    [
        new(Code, "编码", Required: true, 64),
        new(Name, "名称", Required: true, 128),
        new(Level, "层级", Required: true, 32),
        new(Parent, "上级", Required: false, 64),
    ];

    private static readonly ImportFieldSpec[] ChatFields =
    [
        new(Channel, "渠道", Required: true, 32),
        new(ChatId, "群ID", Required: true, 128),
        new(Grid, "网格", Required: true, 64),
        new(Name, "群名称", Required: true, 128),

        // A WeCom group robot's key, or the whole webhook URL as the console shows it (the key is taken from it).
        new(WebhookKey, "群机器人Key", Required: false, 256),
    ];

    private static readonly ImportFieldSpec[] MemberFields =
    [
        new(Channel, "渠道", Required: true, 32),
        new(UserId, "用户ID", Required: true, 128),
        new(Name, "姓名", Required: true, 64),
        new(Phone, "手机", Required: false, 32),
        new(IdNumber, "身份证号", Required: false, 32),
        new(Grid, "网格", Required: true, 64),
        new(Role, "角色", Required: true, 32),
    ];

    private static readonly ImportFieldSpec[] KnowledgeFields =
    [
        new(Grid, "网格", Required: true, 64),
        new(Question, "问题", Required: true, Store.Knowledge.KnowledgeEntry.QuestionMaxLength),
        new(Answer, "答案", Required: true, Store.Knowledge.KnowledgeEntry.AnswerMaxLength),
        new(Keywords, "关键词", Required: false, Store.Knowledge.KnowledgeEntry.KeywordsMaxLength),
    ];

    // Keys are normalised (see Normalise): staff type "Chat ID", "chat_id", "群ID" and "群 id" for the same column.
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["code"] = Code, ["编码"] = Code, ["网格编码"] = Code,
        ["name"] = Name, ["名称"] = Name, ["网格名称"] = Name, ["群名称"] = Name, ["群名"] = Name, ["姓名"] = Name,
        ["level"] = Level, ["层级"] = Level, ["级别"] = Level,
        ["parent"] = Parent, ["上级"] = Parent, ["上级编码"] = Parent, ["上级网格"] = Parent,
        ["channel"] = Channel, ["渠道"] = Channel,
        ["chatid"] = ChatId, ["群id"] = ChatId,
        ["webhookkey"] = WebhookKey, ["webhook"] = WebhookKey, ["群机器人key"] = WebhookKey, ["群机器人"] = WebhookKey, ["机器人key"] = WebhookKey,
        ["grid"] = Grid, ["网格"] = Grid, ["所属网格"] = Grid,
        ["userid"] = UserId, ["用户id"] = UserId,
        ["phone"] = Phone, ["手机"] = Phone, ["手机号"] = Phone, ["电话"] = Phone,
        ["idnumber"] = IdNumber, ["身份证号"] = IdNumber, ["身份证"] = IdNumber,
        ["role"] = Role, ["角色"] = Role,
        ["question"] = Question, ["问题"] = Question, ["常见问题"] = Question, ["问"] = Question,
        ["answer"] = Answer, ["答案"] = Answer, ["回答"] = Answer, ["答复"] = Answer, ["答"] = Answer,
        ["keywords"] = Keywords, ["关键词"] = Keywords, ["关键字"] = Keywords,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ImportKind> Sections = new Dictionary<string, ImportKind>
    {
        ["grids"] = ImportKind.Grids, ["网格"] = ImportKind.Grids,
        ["chats"] = ImportKind.Chats, ["群"] = ImportKind.Chats,
        ["members"] = ImportKind.Members, ["成员"] = ImportKind.Members,
        ["knowledge"] = ImportKind.Knowledge, ["faq"] = ImportKind.Knowledge, ["知识库"] = ImportKind.Knowledge, ["问答"] = ImportKind.Knowledge,
    }.ToFrozenDictionary();

    public const string SectionNames = "grids/chats/members/knowledge（网格/群/成员/知识库）";

    public static IReadOnlyList<ImportFieldSpec> Of(ImportKind kind) => kind switch
    {
        ImportKind.Grids => GridFields,
        ImportKind.Chats => ChatFields,
        ImportKind.Knowledge => KnowledgeFields,
        _ => MemberFields,
    };

    public static ImportFieldSpec? Find(ImportKind kind, string canonicalName) =>
        Of(kind).FirstOrDefault(f => f.Name == canonicalName);

    /// <summary>The canonical field for a header cell or JSON property, or null when it is no field we know.</summary>
    public static string? Canonical(string header) => Aliases.GetValueOrDefault(Normalise(header));

    public static ImportKind? SectionOf(string name) =>
        Sections.TryGetValue(Normalise(name), out var kind) ? kind : null;

    /// <summary>A CSV or sheet says what it holds only through its header: the one identifying column decides.</summary>
    public static ImportKind? KindOf(IReadOnlyCollection<string> canonicalHeaders) =>
        canonicalHeaders.Contains(Code) ? ImportKind.Grids
        : canonicalHeaders.Contains(ChatId) ? ImportKind.Chats
        : canonicalHeaders.Contains(UserId) ? ImportKind.Members
        : canonicalHeaders.Contains(Question) ? ImportKind.Knowledge
        : null;

    public static string Describe(ImportKind kind) =>
        string.Join(",", Of(kind).Select(f => f.Required ? f.Name : f.Name + "?"));

    private static string Normalise(string text)
    {
        var chars = text.Trim().Trim('\uFEFF').ToLower(CultureInfo.InvariantCulture)
            .Where(c => c is not (' ' or '_' or '-' or '\u3000'));
        return string.Concat(chars);
    }
}
