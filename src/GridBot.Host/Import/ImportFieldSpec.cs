namespace GridBot.Host.Import;

/// <summary>One column of an import kind. <paramref name="MaxLength"/> mirrors the database column.</summary>
internal sealed record ImportFieldSpec(string Name, string ChineseName, bool Required, int MaxLength)
{
    public string Display => $"{Name}（{ChineseName}）";
}
