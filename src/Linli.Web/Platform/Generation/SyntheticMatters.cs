using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linli.Modules.Matters;
using Linli.Modules.Matters.Calendar;
using Linli.Modules.Matters.Categories;
using Linli.Modules.Matters.Deadlines;
using Linli.Platform.Privacy;

namespace Linli.Platform.Generation;

// 民情诉求 a community's year of matters, about plan.MattersPerResidentYear per resident: made and played out like the
// demo's (DemoMatters.NewMatter, DemoMatterStory.Play) up to now, with the ticket numbers counted per day across the
// whole run, a tracking token derived from the seed and the ticket (so tests and benchmarks can track them), and the
// red flag the deadline timer would already have raised on open matters past their running deadline.
sealed class SyntheticMatters(DemoMatterWorld world, WorkingTime wt, TimeZoneInfo zone, FieldProtector protector, int seed,
    List<MatterCategory> leaves, Dictionary<int, string> parents, Dictionary<string, int> counters, DateTime startLocal, DateTime endLocal,
    DateTime nowLocal, double perResidentYear, long firstMatterId, long firstEventId)
{
    static readonly double[] ChannelWeights = DemoMatters.Channels.Select(c => (double)c.Weight).ToArray();

    long nextMatter = firstMatterId, nextEvent = firstEventId;
    readonly byte[] tokenKey = SHA256.HashData(Encoding.UTF8.GetBytes($"linli-synthetic-tracking:{seed.ToString(CultureInfo.InvariantCulture)}"));
    readonly DateTime nowUtc = DemoMatters.ToUtc(nowLocal, zone);

    /// <summary>The tracking token of a generated matter: the same for the same seed and ticket number.</summary>
    public static string TrackingToken(int seed, string ticketNumber) =>
        Token(SHA256.HashData(Encoding.UTF8.GetBytes($"linli-synthetic-tracking:{seed.ToString(CultureInfo.InvariantCulture)}")), ticketNumber);

    static string Token(byte[] key, string ticket) => Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(ticket)).AsSpan(0, 20));

    public void Make(Random rng, DemoMatterWorld.Unit community, CommunityActivitySource data, List<Matter> into)
    {
        if (leaves.Count == 0) return;
        var count = (int)Math.Round(data.Residents * perResidentYear * (0.7 + 0.6 * rng.NextDouble()));
        var plans = new (DateTime At, MatterChannel Channel)[count];
        for (var i = 0; i < count; i++)
        {
            var channel = DemoMatters.Channels[DemoMatters.PickWeighted(rng, ChannelWeights)].Channel;
            plans[i] = (DemoMatters.When(rng, wt, channel, startLocal, endLocal), channel);
        }
        Array.Sort(plans, (a, b) => a.At.CompareTo(b.At));
        DateTime Utc(DateTime local) => DemoMatters.ToUtc(local, zone);
        foreach (var (at, channel) in plans)
        {
            var day = at.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var last = counters[day] = counters.GetValueOrDefault(day) + 1;
            var ticket = $"M{day}-{last.ToString("000000", CultureInfo.InvariantCulture)}";
            var category = leaves[rng.Next(leaves.Count)];
            var m = DemoMatters.NewMatter(rng, protector, ticket, MatterTickets.Hash(Token(tokenKey, ticket)), channel, category, community, data.Homes, world);
            m.Id = nextMatter++;
            m.CreatedAt = Utc(at);
            DemoMatterStory.Play(rng, wt, world, Utc, m, category, parents[category.ParentId!.Value], community, at, nowLocal);
            FlagOverdue(m);
            foreach (var e in m.Events)
            {
                e.Id = nextEvent++;
                e.MatterId = m.Id;
            }
            into.Add(m);
        }
    }

    // What MatterDeadlineSweep does at its first tick: an open matter past its running deadline is flagged red and supervised.
    void FlagOverdue(Matter m)
    {
        if (!MatterClock.IsOpen(m.State) || m.OverdueAt is not null || MatterClock.RunningDue(m) is not { } due || due >= nowUtc) return;
        var at = m.Events.Count > 0 && m.Events[^1].At > due ? m.Events[^1].At : due;
        var dueLocal = TimeZoneInfo.ConvertTimeFromUtc(due, zone);
        m.Events.Add(new MatterEvent
        {
            Type = MatterEventType.Overdue, ActorId = MatterDeadlineSweep.ActorId, ActorName = "系统计时", At = at, IsPublic = false, OrgPath = m.OrgPath,
            Note = MatterClock.AwaitsAcceptance(m.State) ? $"已超过受理时限（{dueLocal:yyyy-MM-dd HH:mm}），自动列入督办。" : $"已超过办理时限（{dueLocal:yyyy-MM-dd HH:mm}），自动列入督办。",
        });
        m.OverdueAt = at;
        if (!m.Supervised) (m.Supervised, m.SupervisedAt) = (true, at);
    }
}
