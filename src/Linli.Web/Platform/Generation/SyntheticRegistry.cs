using System.Threading.Channels;
using Linli.Data;
using Linli.Modules.Residents;
using Linli.Platform.Privacy;

namespace Linli.Platform.Generation;

// 人、户、房 for the whole synthetic city: communities are made on worker threads (SyntheticCommunity) while this
// thread writes the ones made so far, in community order, so the keys and the rows are the same whatever the timing.
// Memory holds only the communities in flight and one batch being written.
public static class SyntheticRegistry
{
    public sealed record Counts(long Buildings, long Houses, long Households, long Residents, long Tags)
    {
        /// <summary>How long the writer waited for communities to be made, and how long it wrote.</summary>
        public TimeSpan Waiting { get; init; }
        public TimeSpan Writing { get; init; }

        public long Rows => Buildings + Houses + Households + Residents + Tags;
    }

    const int ResidentsPerBatch = 40_000;

    public static async Task<Counts> WriteAsync(AppDbContext db, RowSink sink, FieldProtector protector, IReadOnlyList<SyntheticCommunity.Place> places,
        ScalePlan plan, int seed, DateOnly today, IProgress<GenerationProgress>? progress, CancellationToken ct)
    {
        var next = new Keys(await RowSink.NextIdAsync<Building>(db, ct), await RowSink.NextIdAsync<House>(db, ct),
            await RowSink.NextIdAsync<Household>(db, ct), await RowSink.NextIdAsync<Resident>(db, ct), await RowSink.NextIdAsync<ResidentTag>(db, ct));
        var expected = (long)(places.Sum(p => (long)p.Grids.Length) * plan.HouseholdsPerGrid * ScalePlan.ResidentsPerHousehold);
        var made = Produce(places, plan, seed, today, protector, ct);

        var counts = new Counts(0, 0, 0, 0, 0);
        var batch = new List<SyntheticCommunity.Rows>();
        var batchResidents = 0;
        long waiting = 0, writing = 0;
        await foreach (var rows in made.ReadAllAsync(ct))
        {
            var t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            var community = await rows;
            waiting += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
            next = Shift(community, next);
            batch.Add(community);
            batchResidents += community.Residents.Count;
            if (batchResidents < ResidentsPerBatch) continue;
            var t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            counts = Add(counts, await FlushAsync(sink, batch, ct));
            writing += System.Diagnostics.Stopwatch.GetTimestamp() - t1;
            progress?.Report(new("residents", counts.Residents, Math.Max(counts.Residents, expected)));
            batch.Clear();
            batchResidents = 0;
        }
        var t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        counts = Add(counts, await FlushAsync(sink, batch, ct));
        writing += System.Diagnostics.Stopwatch.GetTimestamp() - t2;
        progress?.Report(new("residents", counts.Residents, counts.Residents));
        return counts with { Waiting = TimeSpan.FromSeconds((double)waiting / System.Diagnostics.Stopwatch.Frequency), Writing = TimeSpan.FromSeconds((double)writing / System.Diagnostics.Stopwatch.Frequency) };
    }

    // Communities start in order on the thread pool, a few ahead of the writer; it takes them in the same order.
    static ChannelReader<Task<SyntheticCommunity.Rows>> Produce(IReadOnlyList<SyntheticCommunity.Place> places, ScalePlan plan, int seed,
        DateOnly today, FieldProtector protector, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Task<SyntheticCommunity.Rows>>(new BoundedChannelOptions(Environment.ProcessorCount * 2 + 2) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var place in places)
                    await channel.Writer.WriteAsync(Task.Run(() => SyntheticCommunity.Build(place, plan, seed, today, protector), ct), ct);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, ct);
        return channel.Reader;
    }

    sealed record Keys(long Building, long House, long Household, long Resident, long Tag);

    // Local keys (1, 2, …) become table keys: each table's next free key plus the local one less one.
    static Keys Shift(SyntheticCommunity.Rows c, Keys k)
    {
        foreach (var b in c.Buildings) b.Id += k.Building - 1;
        foreach (var h in c.Houses) { h.Id += k.House - 1; h.BuildingId += k.Building - 1; }
        foreach (var h in c.Households) { h.Id += k.Household - 1; h.HouseId += k.House - 1; h.HeadResidentId += k.Resident - 1; }
        foreach (var r in c.Residents)
        {
            r.Id += k.Resident - 1;
            r.HouseId += k.House - 1;
            r.HouseholdId += k.Household - 1;
        }
        foreach (var t in c.Tags) { t.Id += k.Tag - 1; t.ResidentId += k.Resident - 1; }
        return new(k.Building + c.Buildings.Count, k.House + c.Houses.Count, k.Household + c.Households.Count,
            k.Resident + c.Residents.Count, k.Tag + c.Tags.Count);
    }

    static async Task<Counts> FlushAsync(RowSink sink, List<SyntheticCommunity.Rows> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return new(0, 0, 0, 0, 0);
        return new(
            await sink.WriteAsync(batch.SelectMany(c => c.Buildings), ct),
            await sink.WriteAsync(batch.SelectMany(c => c.Houses), ct),
            await sink.WriteAsync(batch.SelectMany(c => c.Households), ct),
            await sink.WriteAsync(batch.SelectMany(c => c.Residents), ct),
            await sink.WriteAsync(batch.SelectMany(c => c.Tags), ct));
    }

    static Counts Add(Counts a, Counts b) =>
        new(a.Buildings + b.Buildings, a.Houses + b.Houses, a.Households + b.Households, a.Residents + b.Residents, a.Tags + b.Tags);
}
