using System.Collections.Concurrent;
using System.Diagnostics;

namespace Linli.Bench;

/// <summary>Latencies of one measured run: percentiles in milliseconds, throughput, errors (with the first few messages).</summary>
public sealed class Measured
{
    readonly List<double> ms = [];
    public int Errors;
    public ConcurrentQueue<string> FirstErrors { get; } = new();
    public double Seconds { get; set; }
    public int Count { get { lock (ms) return ms.Count; } }
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public void Add(double milliseconds) { lock (ms) ms.Add(milliseconds); }

    public void Fail(Exception e)
    {
        Interlocked.Increment(ref Errors);
        if (FirstErrors.Count < 5) FirstErrors.Enqueue(e.Message);
    }

    /// <summary>Nearest-rank percentile (p in 0..100) of the successful operations.</summary>
    public double P(double p)
    {
        lock (ms)
        {
            if (ms.Count == 0) return double.NaN;
            var sorted = ms.Order().ToList();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    public string ErrorText => FirstErrors.IsEmpty ? "" : "; first error: " + FirstErrors.First();
}

/// <summary>A closed-loop load runner: N clients, each doing the next operation as soon as the last one answered,
/// until the count or the time is used up (whichever comes first).</summary>
public static class Load
{
    public static async Task<Measured> RunAsync(int clients, int count, TimeSpan maxTime, Func<int, int, CancellationToken, Task> operation, CancellationToken ct)
    {
        var result = new Measured();
        var next = -1;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(maxTime);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            int i;
            while (!deadline.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < count)
                if (!await TimedAsync(result, t => operation(client, i, t), deadline, ct)) break;
        }, ct)));
        result.Seconds = watch.Elapsed.TotalSeconds;
        return result;
    }

    /// <summary>One client taking turns: operation a of request i, then operation b of request i, until the count or the
    /// time is used up. Each side's latencies are measured on their own.</summary>
    public static async Task<(Measured A, Measured B)> AlternateAsync(int count, TimeSpan maxTime, Func<int, CancellationToken, Task> a,
        Func<int, CancellationToken, Task> b, CancellationToken ct)
    {
        var (ra, rb) = (new Measured(), new Measured());
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(maxTime);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count && !deadline.IsCancellationRequested; i++)
        {
            var n = i;
            if (!await TimedAsync(ra, t => a(n, t), deadline, ct) || !await TimedAsync(rb, t => b(n, t), deadline, ct)) break;
        }
        ra.Seconds = rb.Seconds = watch.Elapsed.TotalSeconds;
        return (ra, rb);
    }

    // One operation, its latency or its failure recorded; false when the time ran out mid-request.
    static async Task<bool> TimedAsync(Measured result, Func<CancellationToken, Task> operation, CancellationTokenSource deadline, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await operation(deadline.Token);
            result.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested) { return false; }
        catch (Exception e) { result.Fail(e); }
        return true;
    }

    /// <summary>Runs an operation a few times unmeasured (JIT, plan caches, connection pools).</summary>
    public static async Task WarmAsync(int times, Func<int, CancellationToken, Task> operation, CancellationToken ct)
    {
        for (var i = 0; i < times; i++) await operation(i, ct);
    }
}
