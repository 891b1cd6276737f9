using System.Net;
using System.Text;

namespace GridBot.Host.Tests.Crash;

/// <summary>
/// WeCom's side of a burst of AI-bot callbacks: posts sealed callbacks with a bounded number in flight and remembers,
/// per callback, whether the host ever answered 200 (an acknowledged callback WeCom will not send again).
/// </summary>
internal sealed class CallbackBurst(int count)
{
    private readonly bool[] _acknowledged = new bool[count];
    private int _completed;
    private int _failed;

    /// <summary>Requests finished (answered or failed) since the burst began.</summary>
    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Requests that got no 200: a refused or dropped connection, a timeout or a 5xx.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public int AcknowledgedCount => _acknowledged.Count(a => a);

    public IReadOnlyList<int> Unacknowledged => Enumerable.Range(0, count).Where(i => !_acknowledged[i]).ToList();

    public IReadOnlyList<int> Acknowledged => Enumerable.Range(0, count).Where(i => _acknowledged[i]).ToList();

    /// <param name="sealedCallbacks">The signed URL and body of each of <paramref name="indexes"/>, in the same order.</param>
    public Task SendAsync(
        HttpClient http, IReadOnlyList<int> indexes, IReadOnlyList<(string Url, string Body)> sealedCallbacks, int inFlight, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, indexes.Count), new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken }, async (k, token) =>
        {
            var (url, body) = sealedCallbacks[k];
            var status = await PostAsync(http, url, body, token);
            if (status == HttpStatusCode.OK)
            {
                _acknowledged[indexes[k]] = true;
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }

            Interlocked.Increment(ref _completed);
        });

    private static async Task<HttpStatusCode?> PostAsync(HttpClient http, string url, string body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // The host died under the request (or was already gone): WeCom saw no answer and will retry.
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
