using GridBot.Dialogs.Tickets.Classification;

namespace GridBot.Host.Cli;

/// <summary>The cross-validation progress bar on standard error (standard output keeps the table clean). On a
/// terminal it redraws one line; redirected, it writes a line every tenth of the way.</summary>
internal sealed class ConsoleProgressBar : IProgress<ModelSelectionProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _lastTenth = -1;
    private bool _drawn;

    public void Report(ModelSelectionProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var share = value.Total == 0 ? 1 : (double)value.Done / value.Total;
            if (Console.IsErrorRedirected)
            {
                var tenth = (int)(share * 10);
                if (tenth != _lastTenth)
                {
                    _lastTenth = tenth;
                    Console.Error.WriteLine($"交叉验证 {share:P0} ({value.Done}/{value.Total})");
                }

                return;
            }

            var filled = (int)(share * Width);
            var step = value.Step.Length > 48 ? value.Step[..48] : value.Step;
            Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total} {step,-48}");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                Console.Error.WriteLine();
                _drawn = false;
            }
        }
    }
}
