using System.Text.Json;

namespace GridBot.Host.Tests.WeCom;

/// <summary>Loads Data/vectors.json once and exposes its entries to theories by id.</summary>
public static class WeComVectors
{
    private static readonly Lazy<IReadOnlyDictionary<string, WeComVector>> ById = new(Load);

    public static IReadOnlyCollection<WeComVector> All => ById.Value.Values.ToList();

    public static WeComVector Get(string id) => ById.Value[id];

    // Theories take the id (a string) rather than the vector so each case shows up by name.
    public static TheoryData<string> IdsOfKind(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var vector in ById.Value.Values.Where(v => v.Kind == kind))
        {
            data.Add(vector.Id);
        }

        return data;
    }

    private static IReadOnlyDictionary<string, WeComVector> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(WeComTestPaths.VectorsFile));
        return document.RootElement.GetProperty("vectors").EnumerateArray()
            .Select(v => new WeComVector(v))
            .ToDictionary(v => v.Id, StringComparer.Ordinal);
    }
}
