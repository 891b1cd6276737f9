namespace GridBot.Host.Import;

/// <summary>One rejected row or file. <paramref name="Line"/> is 0 when no line applies (a whole file, a header).</summary>
public sealed record ImportError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File} 第 {Line} 行：{Message}" : $"{File}：{Message}";
}
