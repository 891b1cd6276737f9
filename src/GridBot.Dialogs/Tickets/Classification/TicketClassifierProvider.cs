using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>Loads the configured model, or trains the default one from the shipped data set, once per process.</summary>
public sealed partial class TicketClassifierProvider(IOptions<ClassifierOptions> options, ILogger<TicketClassifierProvider> logger)
{
    // The default model depends only on the training file: hosts in one process (tests, the benchmark) train it once.
    private static readonly ConcurrentDictionary<(string Path, DateTime Written), Lazy<MlTextClassifier>> DefaultModels = new();

    private readonly Lazy<MlTextClassifier> _classifier = new(() => Create(options.Value, logger));

    public MlTextClassifier Current => _classifier.Value;

    private static MlTextClassifier Create(ClassifierOptions settings, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(settings.ModelPath))
        {
            var model = MlTextClassifier.Load(ClassifierOptions.Resolve(settings.ModelPath));
            LogLoaded(logger, settings.ModelPath, string.Join("/", model.Labels));
            return model;
        }

        var path = Path.GetFullPath(ClassifierOptions.Resolve(settings.TrainingDataPath));
        return DefaultModels.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => new Lazy<MlTextClassifier>(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var trained = new TextClassifierTrainer().TrainFromCsv(key.Path);
            LogTrained(logger, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, string.Join("/", trained.Labels));
            return trained;
        })).Value;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier loaded from {Path}: labels {Labels}")]
    private static partial void LogLoaded(ILogger logger, string path, string labels);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default classifier trained in {Milliseconds:0} ms: labels {Labels}")]
    private static partial void LogTrained(ILogger logger, double milliseconds, string labels);
}
