using System.Collections.Concurrent;
using Microsoft.ML;

namespace GridBot.Dialogs.Tickets.Classification;

/// <summary>A small pool of ML.NET prediction engines.</summary>
/// <remarks><see cref="PredictionEngine{TSrc,TDst}"/> is not thread-safe and costs ~milliseconds
/// to build, so one per call is far too slow and one shared engine needs a lock that serialises
/// all callers. <see cref="ConcurrentBag{T}"/> keeps per-thread lists, so on the hot path a thread
/// takes back the engine it just returned without contention. Each lease also keeps its own
/// input/output rows, so a prediction allocates nothing inside ML.NET.</remarks>
internal sealed class PredictionEnginePool
{
    private readonly Func<PredictionEngine<ModelInput, ModelOutput>> _factory;
    private readonly ConcurrentBag<Lease> _idle = [];
    private readonly int _maxRetained;
    private int _retained;

    public PredictionEnginePool(Func<PredictionEngine<ModelInput, ModelOutput>> factory, int maxRetained)
    {
        _factory = factory;
        _maxRetained = maxRetained;
    }

    public Lease Rent()
    {
        if (_idle.TryTake(out var lease))
        {
            Interlocked.Decrement(ref _retained);
            return lease;
        }

        return new Lease(_factory());
    }

    public void Return(Lease lease)
    {
        // Bound the pool so a burst of threads does not pin that many engines forever.
        if (Interlocked.Increment(ref _retained) <= _maxRetained)
        {
            _idle.Add(lease);
            return;
        }

        Interlocked.Decrement(ref _retained);
        lease.Engine.Dispose();
    }

    internal sealed class Lease(PredictionEngine<ModelInput, ModelOutput> engine)
    {
        public PredictionEngine<ModelInput, ModelOutput> Engine { get; } = engine;

        public ModelInput Input { get; } = new();

        public ModelOutput Output { get; set; } = new();
    }
}
