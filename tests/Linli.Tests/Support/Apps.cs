[assembly: AssemblyFixture(typeof(Linli.Tests.Support.Apps))]

namespace Linli.Tests.Support;

/// <summary>
/// The shared apps, one per provider, started on first use. Take it as a constructor parameter and call
/// <see cref="For"/> with the provider of a <c>[Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]</c>.
/// PostgreSQL tests skip when LINLI_TEST_POSTGRES is not set, and fail instead when CI=true.
/// </summary>
public sealed class Apps : IAsyncLifetime
{
    readonly SemaphoreSlim gate = new(1, 1);
    readonly Dictionary<Provider, LinliApp> apps = [];

    public static TheoryData<Provider> Providers => new(Provider.Sqlite, Provider.Postgres);

    public async Task<LinliApp> For(Provider provider)
    {
        if (provider == Provider.Postgres && TestEnvironment.PostgresConnection is null)
        {
            if (TestEnvironment.IsCi) Assert.Fail("CI=true but LINLI_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
            Assert.Skip("PostgreSQL not configured (set LINLI_TEST_POSTGRES, or run ./test.sh).");
        }
        await gate.WaitAsync();
        try
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = LinliApp.Create(provider);
                _ = app.Services; // start it: migrations run before the first request
                apps[provider] = app;
            }
            return app;
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values) await app.DisposeAsync();
    }
}
