using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>An ML.NET text classifier: normalisation, TF-IDF character n-grams (and word n-grams over jieba's
/// segmentation), a linear model, and temperature-calibrated probabilities. Thread-safe; load once and share.</summary>
public sealed class MlTextClassifier : ITicketClassifier
{
    private static readonly JsonSerializerOptions MetadataJson = new()
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly MLContext _mlContext;
    private readonly ITransformer _model;
    private readonly DataViewSchema _inputSchema;
    private readonly ModelMetadata _metadata;
    private readonly string[] _labels;
    private readonly PredictionEnginePool _pool;

    internal MlTextClassifier(MLContext mlContext, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata)
    {
        _mlContext = mlContext;
        _model = model;
        _inputSchema = inputSchema;

        // The model's own slot names are the truth for score order; the metadata copy is for people.
        _labels = ReadSlotNames(model.GetOutputSchema(inputSchema));
        _metadata = metadata with { Labels = _labels };
        _pool = new PredictionEnginePool(
            () => _mlContext.Model.CreatePredictionEngine<ModelInput, ModelOutput>(_model, _inputSchema),
            maxRetained: Math.Max(4, Environment.ProcessorCount * 4));
    }

    /// <summary>The labels this model can predict, in the model's score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The normalisation applied to every text before featurisation.</summary>
    public TextNormalizationOptions Normalization => _metadata.Normalization;

    /// <summary>The setting the model was trained with (features, learner, L2 and the calibration temperature).</summary>
    public TextClassifierOptions Settings => new()
    {
        Normalization = _metadata.Normalization,
        CharNgramLength = _metadata.CharNgramLength,
        WordNgramLength = _metadata.WordNgramLength,
        Learner = _metadata.Learner,
        L2Regularization = _metadata.L2Regularization,
        Temperature = _metadata.Temperature,
    };

    /// <summary>The cross-validation table that chose the setting, when <c>classifier train</c> made the model.</summary>
    public string? Selection => _metadata.Selection;

    public CategoryPrediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text, _metadata.Normalization);
        var words = _metadata.WordNgramLength > 0 ? ChineseWordSegmenter.Segment(normalized) : string.Empty;

        var lease = _pool.Rent();
        float[] scores;
        try
        {
            lease.Input.Text = normalized;
            lease.Input.Words = words;
            var output = lease.Output;
            lease.Engine.Predict(lease.Input, ref output);
            lease.Output = output;
            scores = output.Score;
        }
        catch
        {
            // An engine that threw may be in an unknown state: drop it rather than pool it.
            lease.Engine.Dispose();
            throw;
        }

        var result = new LabelScore[_labels.Length];
        Span<double> probabilities = result.Length <= 64 ? stackalloc double[result.Length] : new double[result.Length];
        ScoreCalibration.ToProbabilities(scores, _metadata.Learner, _metadata.Temperature, probabilities);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new LabelScore(_labels[i], (float)probabilities[i]);
        }

        // The output buffer belongs to the lease; everything we need is copied above.
        _pool.Return(lease);

        Array.Sort(result, static (a, b) => b.Score.CompareTo(a.Score));
        return new CategoryPrediction(result[0].Label, result[0].Score, result);
    }

    /// <summary>Saves the model and its normalisation settings to one zip file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Write to a temporary file first so a crash never leaves a half-written model in place.
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            Save(file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Saves the model to a stream (left open).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        _mlContext.Model.Save(_model, _inputSchema, buffer);

        // ML.NET ignores zip entries it does not know, so our metadata can ride along in the same file.
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry(ModelMetadata.EntryName, CompressionLevel.Optimal);
            using var entryStream = entry.Open();
            JsonSerializer.Serialize(entryStream, _metadata, MetadataJson);
        }

        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    public static MlTextClassifier Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.OpenRead(path);
        return Load(file);
    }

    /// <summary>Loads a model saved by <see cref="Save(Stream)"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip, or not a GridBot classifier model.</exception>
    public static MlTextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);

        ModelMetadata metadata;
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var entry = zip.GetEntry(ModelMetadata.EntryName)
                ?? throw new InvalidDataException($"Not a GridBot classifier model: entry '{ModelMetadata.EntryName}' is missing.");
            using var entryStream = entry.Open();
            metadata = JsonSerializer.Deserialize<ModelMetadata>(entryStream, MetadataJson)
                ?? throw new InvalidDataException("The classifier metadata entry is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"Cannot read classifier model: {exception.Message}", exception);
        }

        if (metadata.FormatVersion is < 1 or > ModelMetadata.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"Classifier model format {metadata.FormatVersion} is not supported (expected 1–{ModelMetadata.CurrentFormatVersion}).");
        }

        if (!(metadata.Temperature > 0) || metadata.WordNgramLength is < 0 or > 3)
        {
            throw new InvalidDataException("The classifier metadata has an invalid temperature or word n-gram length.");
        }

        buffer.Position = 0;
        var mlContext = new MLContext();
        var model = mlContext.Model.Load(buffer, out var inputSchema);
        return new MlTextClassifier(mlContext, model, inputSchema, metadata);
    }

    /// <summary>The same model with the cross-validation table that chose it, for <see cref="Save(Stream)"/>.</summary>
    internal MlTextClassifier WithSelection(string selection) =>
        new(_mlContext, _model, _inputSchema, _metadata with { Selection = selection });

    internal static string[] ReadSlotNames(DataViewSchema outputSchema)
    {
        var scoreColumn = outputSchema.GetColumnOrNull("Score")
            ?? throw new InvalidDataException("The model has no Score column: not a multiclass classifier.");
        VBuffer<ReadOnlyMemory<char>> names = default;
        scoreColumn.GetSlotNames(ref names);
        return names.DenseValues().Select(static name => name.ToString()).ToArray();
    }
}
