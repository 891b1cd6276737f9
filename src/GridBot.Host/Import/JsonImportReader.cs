using System.Text;
using System.Text.Json;

namespace GridBot.Host.Import;

/// <summary>
/// { "grids": [...], "chats": [...], "members": [...], "knowledge": [...] } read with a forward-only <see cref="Utf8JsonReader"/>:
/// it gives each row's byte offset, hence its line, which a DOM would not; and it never builds more than one row.
/// </summary>
internal static class JsonImportReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = ImportLimits.JsonMaxDepth,
    };

    public static void Read(string file, byte[] content, ImportBatch batch)
    {
        // Utf8JsonReader refuses a BOM, which Windows editors like to write.
        var json = content.AsSpan().StartsWith("\uFEFF"u8) ? content.AsMemory(3) : content.AsMemory();
        var lines = new JsonLineIndex(json);
        var reader = new Utf8JsonReader(json.Span, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                batch.Error(file, 1, "JSON 顶层必须是对象：{ \"grids\": [...], \"chats\": [...], \"members\": [...] }");
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var sectionLine = lines.Of(reader.TokenStartIndex);
                var section = reader.GetString()!;
                reader.Read();
                if (ImportFields.SectionOf(section) is not { } kind)
                {
                    batch.Error(file, sectionLine, $"未知的部分 '{section}'（应为 grids、chats、members 或 knowledge）");
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    batch.Error(file, sectionLine, $"'{section}' 必须是数组");
                    reader.Skip();
                    continue;
                }

                ReadArray(file, section, kind, ref reader, lines, batch);
            }

            // Reading past the closing brace makes the reader reject anything that follows the document.
            reader.Read();
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } zeroBased ? (int)zeroBased + 1 : 0;
            // The exception's own "LineNumber: 2" is zero-based and would contradict the line reported beside it.
            var message = ex.Message;
            var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            batch.Error(file, line, $"JSON 格式错误：{(position > 0 ? message[..position] : message)}");
        }
        catch (InvalidOperationException ex)
        {
            // GetString throws this for invalid UTF-8 inside a string, which the tokenizer lets through.
            batch.Error(file, lines.Of(reader.TokenStartIndex), $"JSON 内容无效：{ex.Message}");
        }
    }

    private static void ReadArray(string file, string section, ImportKind kind, ref Utf8JsonReader reader, JsonLineIndex lines, ImportBatch batch)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = lines.Of(reader.TokenStartIndex);
            var label = $"{section}[{index}]";
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadRow(file, line, label, kind, ref reader, lines, batch);
            }
            else
            {
                batch.Error(file, line, $"{label}：每一项必须是对象");
                reader.Skip();
            }

            index++;
        }
    }

    private static void ReadRow(string file, int line, string label, ImportKind kind, ref Utf8JsonReader reader, JsonLineIndex lines, ImportBatch batch)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var ok = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var propertyLine = lines.Of(reader.TokenStartIndex);
            var property = reader.GetString()!;
            reader.Read();
            var field = ImportFields.Canonical(property) is { } canonical && ImportFields.Find(kind, canonical) is not null ? canonical : null;
            if (field is null)
            {
                batch.Error(file, propertyLine, $"{label}：未知字段 '{property}'（应为 {ImportFields.Describe(kind)}）");
                reader.Skip();
                ok = false;
                continue;
            }

            if (values.ContainsKey(field))
            {
                batch.Error(file, propertyLine, $"{label}：字段 '{property}' 重复");
                reader.Skip();
                ok = false;
                continue;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    values[field] = reader.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
                    break;
                case JsonTokenType.Number:
                    // Chat and user ids are often numeric (Telegram's "-100123..."): keep the digits exactly as written.
                    values[field] = Encoding.UTF8.GetString(reader.ValueSpan);
                    break;
                case JsonTokenType.Null:
                    values[field] = null;
                    break;
                default:
                    batch.Error(file, propertyLine, $"{label}：字段 '{property}' 必须是字符串");
                    reader.Skip();
                    ok = false;
                    break;
            }
        }

        if (ok)
        {
            batch.Add(new ImportRow(kind, file, line, label, values));
        }
    }
}
